package com.platform.transaction.payment;

import java.util.UUID;

/**
 * The provider did not take a payment the payer asked for (503 {@code PAYMENT_PROVIDER_UNAVAILABLE}). Either its
 * answer is not known (the payment stays INITIATED and is sent again under the same id, so it is charged at most
 * once) or the provider certainly does not have it (the payment is FAILED, nothing was charged, and the
 * transaction is payable again).
 */
public class PaymentNotTakenException extends RuntimeException {

    private final UUID paymentId;
    private final Payment.Status paymentStatus;
    private final String reason;

    PaymentNotTakenException(Payment payment) {
        super(payment.isInitiated() ? "The payment provider did not answer." : "The payment provider did not take it.");
        this.paymentId = payment.id();
        this.paymentStatus = payment.status();
        this.reason = payment.isInitiated() ? payment.lastSubmissionError() : payment.failureReason();
    }

    public UUID paymentId() {
        return paymentId;
    }

    public Payment.Status paymentStatus() {
        return paymentStatus;
    }

    /** True while the provider may still have it: the same payment is sent again, never a second one. */
    public boolean stillOpen() {
        return paymentStatus == Payment.Status.INITIATED;
    }

    public String reason() {
        return reason;
    }
}
