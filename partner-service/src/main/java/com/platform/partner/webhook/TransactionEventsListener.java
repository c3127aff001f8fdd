package com.platform.partner.webhook;

import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.consumer.IdempotentConsumer;
import com.platform.starter.outbox.CloudEventEnvelope;

/**
 * P7: a partner's transactions' events (platform.transactions.v1, contracts.md: every event carries
 * {@code partnerId}) become deliveries to the partner's webhooks subscribed to their type, once per event.
 */
@Component
class TransactionEventsListener {

    static final String CONSUMER = "partner-service.webhooks";

    private final CloudEvents cloudEvents;
    private final IdempotentConsumer idempotent;
    private final WebhookFanOut fanOut;

    TransactionEventsListener(CloudEvents cloudEvents, IdempotentConsumer idempotent, WebhookFanOut fanOut) {
        this.cloudEvents = cloudEvents;
        this.idempotent = idempotent;
        this.fanOut = fanOut;
    }

    @KafkaListener(topics = "platform.transactions.v1", groupId = CONSUMER)
    void on(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        if (!WebhookService.TRANSACTION_EVENT_TYPES.contains(event.type()) || event.data() == null) {
            return;
        }
        JsonNode partner = event.data().get("partnerId");
        UUID partnerId;
        try {
            partnerId = partner == null || partner.isNull() ? null : UUID.fromString(partner.asString());
        }
        catch (IllegalArgumentException e) {
            partnerId = null;
        }
        if (partnerId == null) {
            return;
        }
        UUID target = partnerId;
        idempotent.applyOnce(CONSUMER, event.id(), () -> fanOut.enqueue(target, event.id(), event.type(),
                event.data()));
    }
}
