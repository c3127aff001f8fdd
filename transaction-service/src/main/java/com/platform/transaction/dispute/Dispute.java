package com.platform.transaction.dispute;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.platform.transaction.money.Money;

/**
 * A payer's dispute of a transaction (T7). OPEN freezes the transaction's settlement until an operator resolves
 * it, by the deadline, as REFUND_FULL, REFUND_PARTIAL (at most what escrow holds) or REJECTED, with a reason both
 * sides see. A resolved dispute is final.
 */
public record Dispute(UUID id, UUID transactionId, String payerId, UUID partnerId, Status status, String reason,
        String description, List<String> evidence, Instant openedAt, Instant dueAt, Outcome outcome, Money refund,
        String resolutionReason, Boolean abusive, String resolvedBy, Instant resolvedAt, long version) {

    public enum Status { OPEN, RESOLVED }

    public enum Outcome { REFUND_FULL, REFUND_PARTIAL, REJECTED }

    public Dispute {
        evidence = List.copyOf(evidence);
    }

    public static Dispute open(UUID transactionId, String payerId, UUID partnerId, String reason, String description,
            List<String> evidence, Duration deadline, Instant now) {
        return new Dispute(UUID.randomUUID(), transactionId, payerId, partnerId, Status.OPEN, reason, description,
                evidence, now, now.plus(deadline), null, null, null, null, null, null, 0);
    }

    public Dispute resolve(Outcome outcome, Money refund, String reason, boolean abusive, String actor, Instant now) {
        if (status != Status.OPEN) {
            throw new DisputeResolvedException();
        }
        return new Dispute(id, transactionId, payerId, partnerId, Status.RESOLVED, this.reason, description, evidence,
                openedAt, dueAt, outcome, refund, reason, abusive, actor, now, version);
    }

    public boolean overdue(Instant now) {
        return status == Status.OPEN && now.isAfter(dueAt);
    }
}
