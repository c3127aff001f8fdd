package com.platform.user.identity;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One provider call at a time per verification: a call is claimed, and only an unanswered claim records. */
class IdentityVerificationTests {

    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    private IdentityVerification submitted() {
        return IdentityVerification.submit(UUID.randomUUID(), "Li Lei", DocumentType.PASSPORT, "E12345678", now);
    }

    @Test
    void aClaimedCallKeepsOthersOffUntilItsLeaseEnds() {
        IdentityVerification verification = submitted();
        assertThat(verification.claimCall(now)).as("due at submission").isTrue();
        assertThat(verification.claimCall(now)).as("claimed").isFalse();
        assertThat(verification.claimCall(now.plus(IdentityVerification.CALL_LEASE).minusSeconds(1))).isFalse();
        assertThat(verification.claimCall(now.plus(IdentityVerification.CALL_LEASE)))
                .as("a caller that died mid-call leaves a retry").isTrue();
    }

    @Test
    void onlyTheFirstAnswerSinceAClaimIsRecorded() {
        IdentityVerification verification = submitted();
        verification.claimCall(now);
        IdentityVerification claimedEarly = copy(verification);
        verification.providerUnavailable(now.plusSeconds(5));
        assertThat(verification.awaitsAnswerTo(claimedEarly)).as("another answer came first").isFalse();
        assertThat(verification.claimCall(now.plusSeconds(5))).as("backing off").isFalse();
    }

    @Test
    void aDecidedVerificationTakesNoClaim() {
        IdentityVerification verification = submitted();
        verification.claimCall(now);
        verification.recordResult(IdentityVerification.ProviderResult.MATCH, "idv-1", now);
        assertThat(verification.claimCall(now.plus(IdentityVerification.CALL_LEASE.multipliedBy(10)))).isFalse();
    }

    private static IdentityVerification copy(IdentityVerification v) {
        return IdentityVerification.restore(v.id(), v.userId(), v.legalName(), v.documentType(), v.documentNumber(),
                v.status(), v.providerReference().orElse(null), v.attempts(), v.nextAttemptAt().orElse(null),
                v.submittedAt(), v.decidedAt().orElse(null));
    }
}
