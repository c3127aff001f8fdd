package com.platform.partner.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.platform.starter.outbox.Outbox;

/**
 * P8: what partner-service tells the platform, on {@value #TOPIC} (CloudEvents through the starter's outbox,
 * keyed by the aggregate id), and the gateway's quota view on the compacted {@value #QUOTA_TOPIC}. Payloads carry
 * ids, statuses and terms, never contacts. Must be called inside the transaction of the change it reports.
 * Events of a partner also go to its webhook subscriptions ({@link EventSubscribers}).
 */
@Component
public class PartnerEvents {

    public static final String TOPIC = "platform.partners.v1";
    public static final String QUOTA_TOPIC = "platform.partner-quotas.v1";

    public static final String APPLICATION_SUBMITTED = "partner.application-submitted";
    public static final String ADMITTED = "partner.admitted";
    public static final String APPLICATION_REJECTED = "partner.application-rejected";
    public static final String STATUS_CHANGED = "partner.status-changed";
    public static final String GRADED = "partner.graded";
    public static final String RECTIFICATION_OVERDUE = "partner.rectification-overdue";
    public static final String INSPECTED = "partner.inspected";
    public static final String QUOTA_SET = "partner.quota-set";

    /** Event types a webhook may subscribe to (the partner's own events and its transactions' events). */
    public static final List<String> PARTNER_EVENT_TYPES = List.of(STATUS_CHANGED, GRADED,
            RECTIFICATION_OVERDUE, INSPECTED, "agreement.proposed", "agreement.signed", "agreement.amended",
            "agreement.terminated", "agreement.expiring", "agreement.expired");

    private final Outbox outbox;
    private final List<EventSubscribers> subscribers;

    PartnerEvents(Outbox outbox, List<EventSubscribers> subscribers) {
        this.outbox = outbox;
        this.subscribers = subscribers;
    }

    public record ApplicationSubmitted(UUID applicationId, String applicantId, PartnerType type, Instant occurredAt) {
    }

    public record Admitted(UUID applicationId, UUID partnerId, PartnerType type, Instant occurredAt) {
    }

    public record ApplicationRejected(UUID applicationId, List<String> reasons, Instant occurredAt) {
    }

    public record StatusChanged(UUID partnerId, PartnerType type, PartnerStatus from, PartnerStatus to, String reason,
            Instant occurredAt) {
    }

    /** The gateway's view (G2): 0 means no active agreement, the partner may not call. */
    public record QuotaSet(UUID partnerId, int apiQuotaPerMinute, UUID agreementId, Integer agreementVersion,
            Instant occurredAt) {
    }

    /** An application's event (subject: the application id). */
    public void application(UUID applicationId, String type, Object data) {
        outbox.record(TOPIC, "partner-application", applicationId.toString(), type, data);
    }

    /** A partner's event (subject: the partner id); also delivered to its webhooks. */
    public void partner(UUID partnerId, String type, Object data) {
        UUID eventId = outbox.record(TOPIC, "partner", partnerId.toString(), type, data);
        subscribers.forEach(s -> s.partnerEvent(partnerId, eventId, type, data));
    }

    public void statusChanged(Partner partner, Partner.StatusChange change, Instant now) {
        partner(partner.id(), STATUS_CHANGED, new StatusChanged(partner.id(), partner.type(), change.from(),
                change.to(), change.reason(), now));
    }

    public void quotaSet(QuotaSet quota) {
        outbox.record(QUOTA_TOPIC, "partner", quota.partnerId().toString(), QUOTA_SET, quota);
    }
}
