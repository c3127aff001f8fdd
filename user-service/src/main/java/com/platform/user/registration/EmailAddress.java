package com.platform.user.registration;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address, trimmed and lower-cased so that one mailbox is one account (U1 duplicate check, blind index).
 * The check is deliberately practical (one {@code @}, a dotted domain, no spaces or control characters, at most
 * 254 characters), not the full RFC 5321 grammar: the one-time code proves the mailbox exists.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("not a valid e-mail address");
        }
    }

    public static Optional<EmailAddress> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmailAddress(input.trim().toLowerCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "EmailAddress[****]";
    }
}
