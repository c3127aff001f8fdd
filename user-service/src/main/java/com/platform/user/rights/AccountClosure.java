package com.platform.user.rights;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.platform.starter.problem.PlatformException;
import com.platform.user.account.UnknownUserException;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;
import com.platform.user.business.OpenBusiness;
import com.platform.user.directory.LoginSync;
import com.platform.user.feedback.FeedbackBox;
import com.platform.user.identity.IdentityVerifications;

/**
 * U7: a person closes their account once no transaction or dispute is open. Contacts, legal names, document
 * numbers and feedback texts are erased in the same transaction; the Keycloak login is disabled and anonymised
 * after the commit (and again by the status event, should Keycloak be down). Violations stay on record, tied
 * to the account id only.
 */
@Service
class AccountClosure {

    private final UserAccounts accounts;
    private final OpenBusiness openBusiness;
    private final IdentityVerifications identities;
    private final FeedbackBox feedback;
    private final UserEvents events;
    private final LoginSync loginSync;
    private final Clock clock;

    AccountClosure(UserAccounts accounts, OpenBusiness openBusiness, IdentityVerifications identities,
            FeedbackBox feedback, UserEvents events, LoginSync loginSync, Clock clock) {
        this.accounts = accounts;
        this.openBusiness = openBusiness;
        this.identities = identities;
        this.feedback = feedback;
        this.events = events;
        this.loginSync = loginSync;
        this.clock = clock;
    }

    @Transactional
    public void close(UUID userId) {
        UserAccount account = accounts.findForUpdate(userId).orElseThrow(() -> new UnknownUserException(userId));
        if (openBusiness.openFor(userId) > 0) {
            throw PlatformException.conflict("USER_HAS_OPEN_BUSINESS",
                    "The account has open transactions or disputes; close them first.");
        }
        UserAccount.StatusChange change = account.close(clock.instant());
        accounts.update(account);
        identities.eraseForUser(userId);
        feedback.eraseForUser(userId);
        events.statusChanged(userId, change, "closed by its holder");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                loginSync.applySoon(userId);
            }
        });
    }
}
