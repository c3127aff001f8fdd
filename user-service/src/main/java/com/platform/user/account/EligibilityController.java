package com.platform.user.account;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * For transaction-service (T2), service accounts only (the starter guards {@code /internal/**}): may this person
 * transact, and at which level? A restricted, suspended, banned, closed or unverified account may not.
 */
@RestController
class EligibilityController {

    private final UserAccounts accounts;

    EligibilityController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record Eligibility(UUID userId, AccountStatus status, VerificationLevel level, boolean canTransact) {
    }

    @GetMapping("/internal/v1/users/{id}/eligibility")
    Eligibility eligibility(@PathVariable UUID id) {
        UserAccount account = accounts.get(id);
        return new Eligibility(account.id(), account.status(), account.level(), account.canTransact());
    }
}
