package com.platform.transaction.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.platform.transaction.money.Money;

/**
 * One attempt to pay a transaction through a provider (T5).
 *
 * <ul>
 * <li>INITIATED: recorded and committed before the provider is called; the provider's acceptance is not known
 * yet (not called yet, no answer, a timeout). It is sent again under the same id, which is the provider's
 * idempotency key, until the provider accepts or refuses it: never a second payment while its fate is open.</li>
 * <li>PENDING: the provider accepted it ({@code providerPaymentId}); the result comes by signed callback.</li>
 * <li>SUCCEEDED / FAILED: final; a later callback for it (replayed, duplicated, contradicting) changes nothing.</li>
 * </ul>
 *
 * A callback for an INITIATED payment is applied like one for a PENDING payment: the provider had it, only its
 * answer to us was lost.
 */
public record Payment(UUID id, UUID transactionId, String provider, PaymentMethod method, Status status,
        Money amount, String providerPaymentId, String failureReason, Instant createdAt, Instant completedAt,
        int submissionAttempts, Instant nextSubmissionAt, String lastSubmissionError) {

    public enum Status { INITIATED, PENDING, SUCCEEDED, FAILED }

    /** An initiation still unanswered this long after it was recorded (its request died with it) is sent again. */
    public static final Duration FIRST_RESUBMISSION_AFTER = Duration.ofMinutes(1);

    public Payment(UUID id, UUID transactionId, String provider, PaymentMethod method, Status status, Money amount,
            String providerPaymentId, String failureReason, Instant createdAt, Instant completedAt) {
        this(id, transactionId, provider, method, status, amount, providerPaymentId, failureReason, createdAt,
                completedAt, 0, null, null);
    }

    /** A new payment, recorded before the provider hears of it. */
    public static Payment start(UUID transactionId, String provider, PaymentMethod method, Money amount, Instant now) {
        return new Payment(UUID.randomUUID(), transactionId, provider, method, Status.INITIATED, amount, null, null,
                now, null, 0, now.plus(FIRST_RESUBMISSION_AFTER), null);
    }

    /** The provider accepted it: PENDING until its callback (a callback may have finalised it already). */
    public Payment accepted(String providerPaymentId) {
        Status next = status == Status.INITIATED ? Status.PENDING : status;
        return new Payment(id, transactionId, provider, method, next, amount,
                this.providerPaymentId != null ? this.providerPaymentId : providerPaymentId, failureReason, createdAt,
                completedAt, submissionAttempts + 1, null, null);
    }

    /** The provider gave no clear answer: still INITIATED, sent again at {@code retryAt} under the same id. */
    public Payment unanswered(String error, Instant retryAt) {
        requireInitiated();
        return new Payment(id, transactionId, provider, method, status, amount, providerPaymentId, failureReason,
                createdAt, completedAt, submissionAttempts + 1, retryAt, error);
    }

    public Payment succeeded(Instant now) {
        requireOpen();
        return new Payment(id, transactionId, provider, method, Status.SUCCEEDED, amount, providerPaymentId, null,
                createdAt, now, submissionAttempts, null, lastSubmissionError);
    }

    public Payment succeeded(String reportedProviderPaymentId, Instant now) {
        Payment paid = succeeded(now);
        return paid.providerPaymentId != null || reportedProviderPaymentId == null ? paid
                : new Payment(id, transactionId, provider, method, paid.status, amount, reportedProviderPaymentId,
                        null, createdAt, now, submissionAttempts, null, lastSubmissionError);
    }

    public Payment failed(String reason, Instant now) {
        requireOpen();
        return new Payment(id, transactionId, provider, method, Status.FAILED, amount, providerPaymentId, reason,
                createdAt, now, submissionAttempts, null, lastSubmissionError);
    }

    /** Waiting for the provider: accepted (PENDING) or not known to be (INITIATED). A callback applies to it. */
    public boolean isPending() {
        return status == Status.PENDING || status == Status.INITIATED;
    }

    public boolean isInitiated() {
        return status == Status.INITIATED;
    }

    /** The wait before the next submission of an unanswered payment: 10 s, 20 s, 40 s ... at most 10 min. */
    public static Duration backoff(int attempts) {
        long seconds = 10L << Math.min(Math.max(attempts - 1, 0), 6);
        return Duration.ofSeconds(Math.min(seconds, 600));
    }

    private void requireOpen() {
        if (!isPending()) {
            throw new IllegalStateException("payment " + id + " is already " + status);
        }
    }

    private void requireInitiated() {
        if (status != Status.INITIATED) {
            throw new IllegalStateException("payment " + id + " is " + status);
        }
    }
}
