package com.platform.partner.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.platform.partner.partner.EventSubscribers;
import com.platform.partner.support.Json;

/**
 * Turns an event of a partner into persisted deliveries to its subscribed webhooks, in the transaction of the
 * event: the partner's own events (from {@code PartnerEvents}) and its transactions' events (from
 * {@link TransactionEventsListener}). The body is the Standard Webhooks payload {@code {type, timestamp, data}};
 * the message id ({@code msg_<event id>}) is the receiver's deduplication key.
 */
@Component
class WebhookFanOut implements EventSubscribers {

    private final Webhooks webhooks;
    private final Json json;
    private final Clock clock;

    WebhookFanOut(Webhooks webhooks, Json json, Clock clock) {
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void partnerEvent(UUID partnerId, UUID eventId, String type, Object data) {
        enqueue(partnerId, eventId.toString(), type, data);
    }

    int enqueue(UUID partnerId, String eventId, String type, Object data) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", data);
        return webhooks.enqueue(partnerId, "msg_" + eventId, type, json.write(payload), now);
    }
}
