package com.platform.user.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.user.account.UserEvents;
import com.platform.user.directory.UserDirectory;

/**
 * U1: registrations never verified within {@code user.registration.unverified-time-to-live} are removed, with
 * their account (and its encrypted contact) and their Keycloak login, so that the contact can register again.
 * The login goes first: if Keycloak is down the row stays and the next run tries again.
 */
@Component
public class RegistrationCleanup {

    private static final Logger log = LoggerFactory.getLogger(RegistrationCleanup.class);
    private static final int BATCH = 100;

    private final Registrations registrations;
    private final JdbcClient jdbc;
    private final UserDirectory directory;
    private final UserEvents events;
    private final TransactionTemplate transaction;
    private final RegistrationProperties properties;
    private final Clock clock;

    RegistrationCleanup(Registrations registrations, JdbcClient jdbc, UserDirectory directory, UserEvents events,
            TransactionTemplate transaction, RegistrationProperties properties, Clock clock) {
        this.registrations = registrations;
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
        List<UUID> expired = registrations.unverifiedUsersBefore(now.minus(properties.unverifiedTimeToLive()), BATCH);
        int removed = 0;
        for (UUID userId : expired) {
            try {
                directory.delete(userId);
                transaction.executeWithoutResult(status -> {
                    int deleted = jdbc.sql("""
                            delete from user_account
                             where id = ? and status = 'PENDING_VERIFICATION'
                               and not exists (select 1 from violation v where v.user_id = user_account.id)
                            """).param(userId).update();
                    if (deleted == 1) {
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
}
