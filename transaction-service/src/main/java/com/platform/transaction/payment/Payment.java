package com.platform.transaction.payment;

import java.time.Instant;
import java.util.UUID;

import com.platform.transaction.money.Money;

/**
 * One attempt to pay a transaction through a provider (T5). PENDING until the provider's signed callback says
 * SUCCEEDED or FAILED; then final: a later callback for it (replayed, duplicated, contradicting) changes nothing.
 */
public record Payment(UUID id, UUID transactionId, String provider, PaymentMethod method, Status status,
        Money amount, String providerPaymentId, String failureReason, Instant createdAt, Instant completedAt) {

    public enum Status { PENDING, SUCCEEDED, FAILED }

    public static Payment start(UUID transactionId, String provider, PaymentMethod method, Money amount, Instant now) {
        return new Payment(UUID.randomUUID(), transactionId, provider, method, Status.PENDING, amount, null, null, now,
                null);
    }

    public Payment accepted(String providerPaymentId) {
        return new Payment(id, transactionId, provider, method, status, amount, providerPaymentId, failureReason,
                createdAt, completedAt);
    }

    public Payment succeeded(Instant now) {
        requirePending();
        return new Payment(id, transactionId, provider, method, Status.SUCCEEDED, amount, providerPaymentId, null,
                createdAt, now);
    }

    public Payment failed(String reason, Instant now) {
        requirePending();
        return new Payment(id, transactionId, provider, method, Status.FAILED, amount, providerPaymentId, reason,
                createdAt, now);
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new IllegalStateException("payment " + id + " is already " + status);
        }
    }
}
