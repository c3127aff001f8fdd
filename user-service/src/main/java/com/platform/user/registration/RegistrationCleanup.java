package com.platform.user.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;
import com.platform.user.directory.UserDirectory;

/**
 * U1: registrations never verified within {@code user.registration.unverified-time-to-live} are removed, with
 * their account (and its encrypted contact) and their Keycloak login, so that the contact can register again.
 * Three steps: under the account's and the registration's row locks (the order of {@code verify}), the
 * registration is re-checked and marked EXPIRED, so a code typed from then on is refused and a code verified just
 * before keeps the account; then the login is removed; then the account. If Keycloak fails, the registration
 * stays EXPIRED and the next run tries again.
 */
@Component
public class RegistrationCleanup {

    private static final Logger log = LoggerFactory.getLogger(RegistrationCleanup.class);
    private static final int BATCH = 100;

    private final Registrations registrations;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final UserDirectory directory;
    private final UserEvents events;
    private final TransactionTemplate transaction;
    private final RegistrationProperties properties;
    private final Clock clock;

    RegistrationCleanup(Registrations registrations, UserAccounts accounts, JdbcClient jdbc, UserDirectory directory,
            UserEvents events, TransactionTemplate transaction, RegistrationProperties properties, Clock clock) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    record RegistrationExpired(UUID userId, Instant occurredAt) {
    }

    /** @return how many registrations were removed */
    public int removeExpired() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.unverifiedTimeToLive());
        int removed = 0;
        for (UUID userId : registrations.unverifiedUsersBefore(cutoff, BATCH)) {
            try {
                if (!Boolean.TRUE.equals(transaction.execute(status -> markExpired(userId, cutoff)))) {
                    continue;
                }
                directory.delete(userId);
                transaction.executeWithoutResult(status -> {
                    if (accounts.findForUpdate(userId).isPresent() && removable(userId) && jdbc.sql(
                            "delete from user_account where id = ? and status = 'PENDING_VERIFICATION'")
                            .param(userId).update() == 1) {
                        events.publish(userId, UserEvents.REGISTRATION_EXPIRED, new RegistrationExpired(userId, now));
                    }
                });
                removed++;
            }
            catch (RuntimeException e) {
                log.warn("Expired registration of user {} not removed yet: {}", userId, e.getClass().getSimpleName());
            }
        }
        return removed;
    }

    /** The re-check under the locks: still unverified, past its time to live, an account nobody has acted on. */
    private boolean markExpired(UUID userId, Instant cutoff) {
        if (accounts.findForUpdate(userId).isEmpty() || !removable(userId)) {
            return false;
        }
        Registration registration = registrations.findOfUserForUpdate(userId).orElse(null);
        if (registration == null || !registration.expireIfUnverifiedSince(cutoff)) {
            return false;
        }
        registrations.update(registration);
        return true;
    }

    private boolean removable(UUID userId) {
        return jdbc.sql("""
                select count(*) from user_account a
                 where a.id = ? and a.status = 'PENDING_VERIFICATION'
                   and not exists (select 1 from violation v where v.user_id = a.id)
                """).param(userId).query(Long.class).single() == 1;
    }
}
