package com.platform.user.business;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.consumer.IdempotentConsumer;
import com.platform.starter.consumer.InvalidEventException;
import com.platform.starter.outbox.CloudEventEnvelope;

/**
 * Keeps {@link OpenBusiness} from transaction-service's events (docs/events.md lists the types and fields read).
 * A transaction is open from {@code transaction.created} until it is settled, cancelled, rejected or refunded; a
 * dispute from {@code dispute.opened} until {@code dispute.resolved}. Each event is applied once, and an event
 * that arrives after a newer one of the same transaction or dispute (by the envelope's {@code aggregatesequence},
 * docs/events.md) is skipped: a late {@code transaction.created} never re-opens a settled transaction.
 */
@Component
class TransactionActivityListener {

    private static final Set<String> TRANSACTION_ENDED = Set.of("transaction.settled", "transaction.cancelled",
            "transaction.rejected", "transaction.refunded");

    private final CloudEvents cloudEvents;
    private final IdempotentConsumer idempotent;
    private final OpenBusiness openBusiness;

    TransactionActivityListener(CloudEvents cloudEvents, IdempotentConsumer idempotent, OpenBusiness openBusiness) {
        this.cloudEvents = cloudEvents;
        this.idempotent = idempotent;
        this.openBusiness = openBusiness;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Activity(UUID transactionId, UUID disputeId, UUID payerId) {
    }

    @KafkaListener(topics = "platform.transactions.v1", groupId = "user-service.open-business")
    void on(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        String type = event.type();
        boolean relevant = type.equals("transaction.created") || TRANSACTION_ENDED.contains(type)
                || type.equals("dispute.opened") || type.equals("dispute.resolved");
        if (!relevant) {
            return;
        }
        Activity data = cloudEvents.data(event, Activity.class);
        Instant at = event.time() == null ? Instant.now() : event.time();
        String scope = type.startsWith("dispute.") ? "dispute:" + required(data.disputeId(), event)
                : "transaction:" + required(data.transactionId(), event);
        idempotent.applyInOrder("user-service.open-business", event, scope, () -> {
            switch (type) {
                case "transaction.created" -> openBusiness.opened(required(data.payerId(), event),
                        OpenBusiness.Kind.TRANSACTION, required(data.transactionId(), event), at);
                case "dispute.opened" -> openBusiness.opened(required(data.payerId(), event),
                        OpenBusiness.Kind.DISPUTE, required(data.disputeId(), event), at);
                case "dispute.resolved" -> openBusiness.closed(OpenBusiness.Kind.DISPUTE,
                        required(data.disputeId(), event));
                default -> openBusiness.closed(OpenBusiness.Kind.TRANSACTION, required(data.transactionId(), event));
            }
        });
    }

    private static UUID required(UUID id, CloudEventEnvelope event) {
        if (id == null) {
            throw new InvalidEventException(event.type() + " " + event.id() + " lacks an id it needs");
        }
        return id;
    }
}
