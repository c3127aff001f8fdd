package com.platform.risk.monitoring;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.consumer.IdempotentConsumer;
import com.platform.starter.outbox.CloudEventEnvelope;

/**
 * R5: keeps the facts the indicators count from transaction-service's and user-service's events, one row per
 * event (each applied once): transactions created, payments failed and succeeded ({@code transaction.paid}),
 * disputes opened, violations recorded. Counting events is insensitive to their order.
 */
@Component
class KriEventsListener {

    static final String CONSUMER = "risk-service.kri";

    private final CloudEvents cloudEvents;
    private final IdempotentConsumer idempotent;
    private final Indicators indicators;

    KriEventsListener(CloudEvents cloudEvents, IdempotentConsumer idempotent, Indicators indicators) {
        this.cloudEvents = cloudEvents;
        this.idempotent = idempotent;
        this.indicators = indicators;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(UUID partnerId, Instant occurredAt, Instant paidAt) {
    }

    @KafkaListener(topics = "platform.transactions.v1", groupId = CONSUMER)
    void onTransaction(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        String kind = switch (event.type()) {
            case "transaction.created" -> "TRANSACTION_CREATED";
            case "transaction.paid" -> "PAYMENT_SUCCEEDED";
            case "payment.failed" -> "PAYMENT_FAILED";
            case "dispute.opened" -> "DISPUTE_OPENED";
            default -> null;
        };
        observe(event, kind);
    }

    @KafkaListener(topics = "platform.users.v1", groupId = CONSUMER)
    void onUser(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        observe(event, "user.violation-recorded".equals(event.type()) ? "VIOLATION" : null);
    }

    private void observe(CloudEventEnvelope event, String kind) {
        idempotent.applyOnce(CONSUMER, event.id(), () -> {
            if (kind == null) {
                return;
            }
            Data data = cloudEvents.data(event, Data.class);
            Instant at = data.occurredAt() != null ? data.occurredAt()
                    : data.paidAt() != null ? data.paidAt() : event.time() != null ? event.time() : Instant.now();
            indicators.observe(event.id(), kind, "VIOLATION".equals(kind) ? null : data.partnerId(), at);
        });
    }
}
