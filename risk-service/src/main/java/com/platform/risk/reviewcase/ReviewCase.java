package com.platform.risk.reviewcase;

import java.time.Instant;
import java.util.UUID;

import com.platform.risk.support.RiskException;

/**
 * R3: a manual review of one REVIEW assessment. OPEN until a risk officer takes it (one owner: IN_REVIEW), then
 * DECIDED once, by its owner, with reasons: APPROVE, or REJECT with or without confirmed fraud (fraud confirmed
 * feeds U8 through {@code risk.case-decided}). Deciding an open case takes it first.
 */
public record ReviewCase(UUID id, UUID assessmentId, UUID transactionId, UUID payerId, UUID partnerId, Status status,
        String owner, Instant openedAt, Instant takenAt, Decision decision, Boolean fraudConfirmed, String reason,
        String decidedBy, Instant decidedAt) {

    public enum Status {
        OPEN, IN_REVIEW, DECIDED
    }

    public enum Decision {
        APPROVE, REJECT
    }

    public static ReviewCase open(UUID assessmentId, UUID transactionId, UUID payerId, UUID partnerId, Instant now) {
        return new ReviewCase(UUID.randomUUID(), assessmentId, transactionId, payerId, partnerId, Status.OPEN, null,
                now, null, null, null, null, null, null);
    }

    /** Taking one's own case again changes nothing; another officer's case is refused. */
    ReviewCase take(String officer, Instant now) {
        if (status == Status.DECIDED) {
            throw new RiskException.Conflict("CASE_ALREADY_DECIDED", "The case has been decided.");
        }
        if (owner != null) {
            if (owner.equals(officer)) {
                return this;
            }
            throw new RiskException.Conflict("CASE_TAKEN", "Another risk officer has taken the case.");
        }
        return new ReviewCase(id, assessmentId, transactionId, payerId, partnerId, Status.IN_REVIEW, officer,
                openedAt, now, null, null, null, null, null);
    }

    ReviewCase decide(String officer, Decision outcome, boolean fraud, String why, Instant now) {
        if (status == Status.DECIDED) {
            throw new RiskException.Conflict("CASE_ALREADY_DECIDED", "The case has been decided.");
        }
        if (fraud && outcome != Decision.REJECT) {
            throw new RiskException.Unprocessable("CASE_FRAUD_NEEDS_REJECT",
                    "A case with confirmed fraud must be decided REJECT.",
                    java.util.List.of(new RiskException.Field("fraudConfirmed", "true requires decision REJECT")));
        }
        ReviewCase taken = take(officer, now);
        return new ReviewCase(id, assessmentId, transactionId, payerId, partnerId, Status.DECIDED, taken.owner,
                openedAt, taken.takenAt, outcome, fraud, why, officer, now);
    }
}
