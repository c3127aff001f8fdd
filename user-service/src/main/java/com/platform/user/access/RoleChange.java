package com.platform.user.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One change of a person's realm roles (U6), recorded with its audit entry before Keycloak is asked, so that no
 * role is granted or taken in Keycloak without a record of who decided it. PENDING until Keycloak confirmed it;
 * then APPLIED. A PENDING change is applied again after {@link #CALL_LEASE} (Keycloak's role mappings are
 * idempotent), unless a newer change for the same person SUPERSEDED it: the latest decision wins.
 */
final class RoleChange {

    enum Status { PENDING, APPLIED, SUPERSEDED }

    /** Keeps the retry job off a change whose request is still calling Keycloak (2 s / 5 s timeouts). */
    static final Duration CALL_LEASE = Duration.ofMinutes(1);

    private final UUID id;
    private final UUID userId;
    private final Set<String> added;
    private final Set<String> removed;
    private final Set<String> roles;
    private final String reason;
    private final String requestedBy;
    private final Instant requestedAt;
    private Status status;
    private Instant nextAttemptAt;
    private Instant appliedAt;

    private RoleChange(UUID id, UUID userId, Set<String> added, Set<String> removed, Set<String> roles, String reason,
            String requestedBy, Instant requestedAt, Status status, Instant nextAttemptAt, Instant appliedAt) {
        this.id = id;
        this.userId = userId;
        this.added = new TreeSet<>(added);
        this.removed = new TreeSet<>(removed);
        this.roles = new TreeSet<>(roles);
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = status;
        this.nextAttemptAt = nextAttemptAt;
        this.appliedAt = appliedAt;
    }

    /** A decided change, not yet in Keycloak; {@code roles} is the assignable set the person holds after it. */
    static RoleChange request(UUID userId, Set<String> added, Set<String> removed, Set<String> roles, String reason,
            String requestedBy, Instant now) {
        if (added.isEmpty() && removed.isEmpty()) {
            throw new IllegalArgumentException("a role change changes something");
        }
        return new RoleChange(UUID.randomUUID(), userId, added, removed, roles, reason, requestedBy, now,
                Status.PENDING, now.plus(CALL_LEASE), null);
    }

    static RoleChange restore(UUID id, UUID userId, Set<String> added, Set<String> removed, Set<String> roles,
            String reason, String requestedBy, Instant requestedAt, Status status, Instant nextAttemptAt,
            Instant appliedAt) {
        return new RoleChange(id, userId, added, removed, roles, reason, requestedBy, requestedAt, status,
                nextAttemptAt, appliedAt);
    }

    /** Claims another attempt at Keycloak for a change still pending whose lease has ended. */
    boolean claimRetry(Instant now) {
        if (status != Status.PENDING || nextAttemptAt.isAfter(now)) {
            return false;
        }
        nextAttemptAt = now.plus(CALL_LEASE);
        return true;
    }

    /** Keycloak confirmed it. @return false if it was no longer pending (superseded or applied already) */
    boolean applied(Instant now) {
        if (status != Status.PENDING) {
            return false;
        }
        status = Status.APPLIED;
        appliedAt = now;
        nextAttemptAt = null;
        return true;
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    Set<String> added() {
        return Set.copyOf(added);
    }

    Set<String> removed() {
        return Set.copyOf(removed);
    }

    Set<String> roles() {
        return Set.copyOf(roles);
    }

    String reason() {
        return reason;
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Status status() {
        return status;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant appliedAt() {
        return appliedAt;
    }
}
