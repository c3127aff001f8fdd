package com.platform.risk.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.consumer.IdempotentConsumer;
import com.platform.starter.consumer.InvalidEventException;
import com.platform.starter.outbox.CloudEventEnvelope;

/**
 * R1 velocity from transaction-service's events: records the transactions that ended without money moving, which
 * then stop counting toward {@code velocity.amount24h} (they still count as attempts in the counts).
 * <ul>
 * <li>{@code transaction.rejected} (at creation after a REJECT, or by a review case) and {@code transaction.created}
 * with status {@code REJECTED}: REJECTED;</li>
 * <li>{@code transaction.cancelled} (only possible before payment): CANCELLED.</li>
 * </ul>
 * Both are final states, so the effect commutes with every other event and needs no ordering: it is applied once
 * per event id ({@link IdempotentConsumer#applyOnce}) and the first outcome per transaction stands. The outcome is
 * kept by transaction id whether or not the assessment is stored yet: an event that overtakes its assessment is
 * applied as soon as the assessment exists (the velocity query joins them), and one for a transaction never
 * assessed here affects no velocity. {@code payment.failed} leaves the transaction payable (CONFIRMED), so it keeps
 * counting; a paid, refunded or disputed transaction moved money and keeps counting too. Other types are recorded
 * as read.
 */
@Component
class TransactionOutcomesListener {

    static final String TOPIC = "platform.transactions.v1";
    static final String CONSUMER = "risk-service.velocity";

    private final CloudEvents cloudEvents;
    private final IdempotentConsumer idempotent;
    private final Assessments assessments;
    private final Clock clock;

    TransactionOutcomesListener(CloudEvents cloudEvents, IdempotentConsumer idempotent, Assessments assessments,
            Clock clock) {
        this.cloudEvents = cloudEvents;
        this.idempotent = idempotent;
        this.assessments = assessments;
        this.clock = clock;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransactionEvent(UUID transactionId, String status, Instant occurredAt) {
    }

    @KafkaListener(topics = TOPIC, groupId = CONSUMER)
    void onTransaction(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        boolean relevant = switch (event.type()) {
            case "transaction.rejected", "transaction.cancelled", "transaction.created" -> true;
            default -> false;
        };
        TransactionEvent data = relevant ? cloudEvents.data(event, TransactionEvent.class) : null;
        String outcome = data == null ? null : switch (event.type()) {
            case "transaction.rejected" -> "REJECTED";
            case "transaction.cancelled" -> "CANCELLED";
            default -> "REJECTED".equals(data.status()) ? "REJECTED" : null;
        };
        if (outcome == null) {
            idempotent.applyOnce(CONSUMER, event.id(), () -> { });
            return;
        }
        if (data.transactionId() == null) {
            throw new InvalidEventException(event.type() + " " + event.id() + " lacks transactionId");
        }
        Instant at = data.occurredAt() != null ? data.occurredAt()
                : event.time() != null ? event.time() : clock.instant();
        idempotent.applyOnce(CONSUMER, event.id(), () -> assessments.recordEndedWithoutPayment(
                data.transactionId(), outcome, event.id(), event.type(), at, clock.instant()));
    }
}
