package com.platform.user.registration;

import java.util.Optional;

/**
 * A mobile phone number in E.164 form ({@code +8613912345678}), the form Keycloak usernames and lookups use. A
 * mainland number typed without the country code ({@code 139 1234 5678}) is taken as {@code +86}. U3: anything
 * else is refused.
 */
public record PhoneNumber(String e164) {

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{7,14}")
                || (e164.startsWith("+86") && !e164.matches("\\+861[3-9]\\d{9}"))) {
            throw new IllegalArgumentException("not a valid mobile number");
        }
    }

    public static Optional<PhoneNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = input.replaceAll("[\\s()-]", "");
        if (compact.matches("1[3-9]\\d{9}")) {
            compact = "+86" + compact;
        }
        try {
            return Optional.of(new PhoneNumber(compact));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "PhoneNumber[****]";
    }
}
