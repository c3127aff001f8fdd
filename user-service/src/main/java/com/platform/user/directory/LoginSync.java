package com.platform.user.directory;

import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.outbox.CloudEventEnvelope;
import com.platform.user.account.AccountStatus;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;

/**
 * Keeps each Keycloak login in step with its account (U2, U7, U8): enabled while the status allows logging in,
 * disabled while suspended or banned, anonymised once closed. Use cases call {@link #apply} right after they
 * commit so that the change is immediate; the listener applies the same on every contact-verified and
 * status-changed event from the outbox, so a change made while Keycloak was down is applied once it is back
 * (the error handler retries, then dead-letters for replay). Applying is idempotent: it sets Keycloak to match
 * the account as it is now, so repeats and reordering do no harm.
 */
@Component
public class LoginSync {

    private static final Logger log = LoggerFactory.getLogger(LoginSync.class);
    private static final Set<String> RELEVANT = Set.of(UserEvents.CONTACT_VERIFIED, UserEvents.STATUS_CHANGED);

    private final UserAccounts accounts;
    private final UserDirectory directory;
    private final CloudEvents cloudEvents;

    LoginSync(UserAccounts accounts, UserDirectory directory, CloudEvents cloudEvents) {
        this.accounts = accounts;
        this.directory = directory;
        this.cloudEvents = cloudEvents;
    }

    @KafkaListener(topics = UserEvents.TOPIC, groupId = "user-service.login-sync")
    void on(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        if (RELEVANT.contains(event.type())) {
            apply(UUID.fromString(event.subject()));
        }
    }

    /** Sets the login to match the account; throws if Keycloak is unavailable. */
    public void apply(UUID userId) {
        UserAccount account = accounts.find(userId).orElse(null);
        if (account == null || account.status() == AccountStatus.PENDING_VERIFICATION) {
            return;
        }
        if (account.status() == AccountStatus.CLOSED) {
            directory.anonymise(userId);
        }
        else {
            directory.setEnabled(userId, account.status().canLogIn());
        }
    }

    /** {@link #apply} for use right after a commit: a failure is left to the event listener. */
    public void applySoon(UUID userId) {
        try {
            apply(userId);
        }
        catch (RuntimeException e) {
            log.warn("Login of user {} not updated yet ({}); the status event will retry", userId,
                    e.getClass().getSimpleName());
        }
    }
}
