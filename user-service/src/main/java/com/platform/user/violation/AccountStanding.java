package com.platform.user.violation;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.platform.user.account.UnknownUserException;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;
import com.platform.user.directory.LoginSync;

/**
 * U8: after a penalty starts, ends or is lifted, the account's status is recomputed from the penalties still in
 * force; a change is published and, once committed, applied to the Keycloak login (suspension and ban disable it).
 */
@Component
class AccountStanding {

    private final UserAccounts accounts;
    private final Violations violations;
    private final UserEvents events;
    private final LoginSync loginSync;

    AccountStanding(UserAccounts accounts, Violations violations, UserEvents events, LoginSync loginSync) {
        this.accounts = accounts;
        this.violations = violations;
        this.events = events;
        this.loginSync = loginSync;
    }

    /**
     * Locks the account row: the first lock of every transaction that changes a person's penalties.
     *
     * @return false when there is no such account (any more)
     */
    boolean lockAccount(UUID userId) {
        return accounts.findForUpdate(userId).isPresent();
    }

    /** Must run in the transaction that changed the penalties, after {@link #lockAccount}. */
    void recompute(UUID userId, String reason, Instant now) {
        UserAccount account = accounts.findForUpdate(userId).orElseThrow(() -> new UnknownUserException(userId));
        account.applyPenalties(violations.penaltiesInForce(userId), now).ifPresent(change -> {
            accounts.update(account);
            events.statusChanged(userId, change, reason);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    loginSync.applySoon(userId);
                }
            });
        });
    }
}
