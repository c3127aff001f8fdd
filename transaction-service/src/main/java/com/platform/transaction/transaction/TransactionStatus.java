package com.platform.transaction.transaction;

import java.util.Map;
import java.util.Set;

/**
 * T3's states, with the only transitions allowed between them. {@link Transaction} checks every change against
 * {@link #canMoveTo}; the property tests check that no operation sequence leaves this graph.
 */
public enum TransactionStatus {
    APPROVED, IN_REVIEW, REJECTED, CONFIRMED, PAYMENT_PENDING, PAID, FULFILLED, SETTLED, CANCELLED, REFUNDED;

    private static final Map<TransactionStatus, Set<TransactionStatus>> NEXT = Map.of(
            IN_REVIEW, Set.of(APPROVED, REJECTED, CANCELLED),
            APPROVED, Set.of(CONFIRMED, CANCELLED),
            CONFIRMED, Set.of(PAYMENT_PENDING, CANCELLED),
            // a failed payment makes the transaction payable again
            PAYMENT_PENDING, Set.of(PAID, CONFIRMED),
            PAID, Set.of(FULFILLED, REFUNDED),
            FULFILLED, Set.of(SETTLED, REFUNDED),
            REJECTED, Set.of(),
            SETTLED, Set.of(),
            CANCELLED, Set.of(),
            REFUNDED, Set.of());

    /** The states a transaction may be in when it is created (after its risk decision). */
    public static final Set<TransactionStatus> INITIAL = Set.of(APPROVED, IN_REVIEW, REJECTED);

    public boolean canMoveTo(TransactionStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Funds are held in escrow for the transaction in these states. */
    public boolean holdsFunds() {
        return this == PAID || this == FULFILLED;
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
