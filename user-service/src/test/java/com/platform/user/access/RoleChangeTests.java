package com.platform.user.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A role change is pending until Keycloak confirms it; retries wait out the lease of the call in flight. */
class RoleChangeTests {

    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    private RoleChange pending() {
        return RoleChange.request(UUID.randomUUID(), Set.of("operator"), Set.of(), Set.of("user", "operator"),
                "joined operations", "admin-1", now);
    }

    @Test
    void aRetryWaitsUntilTheRequestsOwnCallHasHadItsLease() {
        RoleChange change = pending();
        assertThat(change.claimRetry(now.plus(RoleChange.CALL_LEASE).minusSeconds(1))).isFalse();
        assertThat(change.claimRetry(now.plus(RoleChange.CALL_LEASE))).isTrue();
        assertThat(change.claimRetry(now.plus(RoleChange.CALL_LEASE).plusSeconds(1)))
                .as("the retry's own call holds a new lease").isFalse();
    }

    @Test
    void anAppliedChangeIsDoneAndNeverRetried() {
        RoleChange change = pending();
        assertThat(change.applied(now)).isTrue();
        assertThat(change.status()).isEqualTo(RoleChange.Status.APPLIED);
        assertThat(change.applied(now)).as("completed once").isFalse();
        assertThat(change.claimRetry(now.plus(RoleChange.CALL_LEASE.multipliedBy(10)))).isFalse();
    }

    @Test
    void aSupersededChangeIsNeverCompleted() {
        RoleChange stored = pending();
        RoleChange superseded = RoleChange.restore(stored.id(), stored.userId(), stored.added(), stored.removed(),
                stored.roles(), stored.reason(), stored.requestedBy(), stored.requestedAt(),
                RoleChange.Status.SUPERSEDED, null, null);
        assertThat(superseded.applied(now)).isFalse();
        assertThat(superseded.claimRetry(now.plus(RoleChange.CALL_LEASE))).isFalse();
    }

    @Test
    void aChangeChangesSomething() {
        assertThatThrownBy(() -> RoleChange.request(UUID.randomUUID(), Set.of(), Set.of(), Set.of("user"), "none",
                "admin-1", now)).isInstanceOf(IllegalArgumentException.class);
    }
}
