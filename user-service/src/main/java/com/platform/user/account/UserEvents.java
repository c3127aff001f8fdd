package com.platform.user.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.platform.starter.outbox.Outbox;

/**
 * U9: what user-service tells the platform, on topic {@value #TOPIC} keyed by the user id (per-user order).
 * Payloads carry ids, levels and statuses, never contacts or document numbers (docs/events.md has each type).
 * Must be called inside the transaction of the change it reports (the outbox commits with it).
 */
@Component
public class UserEvents {

    public static final String TOPIC = "platform.users.v1";

    public static final String REGISTERED = "user.registered";
    public static final String CONTACT_VERIFIED = "user.contact-verified";
    public static final String REGISTRATION_EXPIRED = "user.registration-expired";
    public static final String IDENTITY_VERIFIED = "user.identity-verified";
    public static final String IDENTITY_REJECTED = "user.identity-rejected";
    public static final String ENTERPRISE_CERTIFIED = "user.enterprise-certified";
    public static final String LEVEL_CHANGED = "user.level-changed";
    public static final String STATUS_CHANGED = "user.status-changed";
    public static final String ROLES_CHANGED = "user.roles-changed";
    public static final String VIOLATION_RECORDED = "user.violation-recorded";
    public static final String APPEAL_DECIDED = "user.appeal-decided";

    private final Outbox outbox;
    private final Clock clock;

    UserEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void publish(UUID userId, String type, Object data) {
        outbox.record(TOPIC, "user", userId.toString(), type, data);
    }

    public record LevelChanged(UUID userId, VerificationLevel from, VerificationLevel to, Instant occurredAt) {
    }

    public record StatusChanged(UUID userId, AccountStatus from, AccountStatus to, String reason,
            Instant occurredAt) {
    }

    public record RolesChanged(UUID userId, Set<String> added, Set<String> removed, Set<String> roles,
            Instant occurredAt) {
    }

    public void levelChanged(UUID userId, UserAccount.LevelChange change) {
        publish(userId, LEVEL_CHANGED, new LevelChanged(userId, change.from(), change.to(), clock.instant()));
    }

    public void statusChanged(UUID userId, UserAccount.StatusChange change, String reason) {
        publish(userId, STATUS_CHANGED,
                new StatusChanged(userId, change.from(), change.to(), reason, clock.instant()));
    }
}
