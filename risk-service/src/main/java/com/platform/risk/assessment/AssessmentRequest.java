package com.platform.risk.assessment;

import java.time.Instant;
import java.util.UUID;

/** What transaction-service asks (contracts.md), validated; {@code documentRef} is an addition (watch.document). */
public record AssessmentRequest(UUID transactionId, TransactionType type, UUID payerId, UUID partnerId, Money amount,
        Instant occurredAt, String ip, String deviceId, String documentRef) {

    public enum TransactionType {
        DELIVERY, ECOMMERCE, FINANCIAL
    }
}
