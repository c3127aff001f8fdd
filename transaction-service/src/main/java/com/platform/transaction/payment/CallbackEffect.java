package com.platform.transaction.payment;

import com.platform.transaction.transaction.TransactionStatus;

/**
 * What a verified provider callback does (T5). Only a callback for an open payment (PENDING, or INITIATED: the
 * provider had it though its acceptance never reached us) of a transaction that waits for it has an effect; anything else (replayed, duplicated, late, for a superseded payment) is recorded and
 * ignored, so callbacks in any order and any number are harmless. A success that reports another amount than was
 * requested is not taken as payment.
 */
public enum CallbackEffect {
    SUCCEEDED, FAILED, AMOUNT_MISMATCH, IGNORED;

    public static CallbackEffect of(Payment payment, TransactionStatus transactionStatus, String reportedStatus,
            boolean amountMatches) {
        if (!payment.isPending() || transactionStatus != TransactionStatus.PAYMENT_PENDING) {
            return IGNORED;
        }
        if ("SUCCEEDED".equals(reportedStatus)) {
            return amountMatches ? SUCCEEDED : AMOUNT_MISMATCH;
        }
        return FAILED;
    }
}
