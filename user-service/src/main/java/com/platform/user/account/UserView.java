package com.platform.user.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.platform.starter.crypto.Masking;
import com.platform.user.registration.EmailAddress;
import com.platform.user.registration.PhoneNumber;

/** An account as the API shows it (U5): contacts masked unless the reader's duty needs them in full. */
public record UserView(UUID id, AccountType accountType, String displayName, String email, String phone,
        VerificationLevel level, AccountStatus status, Set<String> roles, Instant createdAt) {

    public static UserView masked(UserAccount account) {
        return new UserView(account.id(), account.type(), account.displayName(),
                account.email().map(e -> Masking.email(e.value())).orElse(null),
                account.phone().map(p -> Masking.phone(p.e164())).orElse(null), account.level(), account.status(),
                account.roles(), account.createdAt());
    }

    public static UserView unmasked(UserAccount account) {
        return new UserView(account.id(), account.type(), account.displayName(),
                account.email().map(EmailAddress::value).orElse(null),
                account.phone().map(PhoneNumber::e164).orElse(null), account.level(), account.status(),
                account.roles(), account.createdAt());
    }
}
