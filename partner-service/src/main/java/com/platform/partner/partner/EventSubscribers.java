package com.platform.partner.partner;

import java.util.UUID;

/**
 * Who else hears a partner's own events besides Kafka: the partner's webhook subscriptions (P7). Called inside
 * the transaction of the change, so a delivery is persisted with the event or not at all.
 */
public interface EventSubscribers {

    void partnerEvent(UUID partnerId, UUID eventId, String type, Object data);
}
