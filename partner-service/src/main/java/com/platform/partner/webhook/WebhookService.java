package com.platform.partner.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.partner.partner.Partner;
import com.platform.partner.partner.PartnerAccess;
import com.platform.partner.partner.PartnerEvents;
import com.platform.partner.partner.Partners;
import com.platform.partner.support.RuleViolation;
import com.platform.starter.audit.AuditTrail;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.problem.PlatformException;

/**
 * P7: a partner's webhook subscriptions. Only the partner itself manages them and reads their deliveries (BOLA:
 * another partner's webhook does not exist for it). Every change is audited; the secret is shown once.
 */
@Service
class WebhookService {

    /** Transaction-service's events a partner may subscribe to (contracts.md). */
    static final Set<String> TRANSACTION_EVENT_TYPES = Set.of("transaction.created", "transaction.approved",
            "transaction.rejected", "transaction.confirmed", "transaction.paid", "transaction.fulfilled",
            "transaction.settled", "transaction.cancelled", "transaction.partially-refunded", "transaction.refunded",
            "payment.failed", "dispute.opened", "dispute.resolved");

    static final int MAX_WEBHOOKS = 10;

    private final Webhooks webhooks;
    private final Partners partners;
    private final TargetPolicy targets;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WebhookService(Webhooks webhooks, Partners partners, TargetPolicy targets, AuditTrail audit,
            TransactionTemplate transaction, Clock clock) {
        this.webhooks = webhooks;
        this.partners = partners;
        this.targets = targets;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    static boolean subscribable(String type) {
        return TRANSACTION_EVENT_TYPES.contains(type) || PartnerEvents.PARTNER_EVENT_TYPES.contains(type);
    }

    Webhooks.Webhook subscribe(UUID partnerId, String url, List<String> events) {
        own(partnerId);
        targets.refusal(url).ifPresent(reason -> {
            throw PlatformException.invalidField("url", reason);
        });
        for (int i = 0; i < events.size(); i++) {
            if (!subscribable(events.get(i))) {
                throw PlatformException.invalidField("events[" + i + "]", "is not an event type one can subscribe "
                        + "to");
            }
        }
        return transaction.execute(status -> {
            Partner partner = partners.getForUpdate(partnerId);
            if (!partner.status().isOpen()) {
                throw RuleViolation.conflict("PARTNER_TERMINATED", "The partner is terminated.");
            }
            if (webhooks.ofPartner(partnerId).size() >= MAX_WEBHOOKS) {
                throw RuleViolation.conflict("WEBHOOK_LIMIT_REACHED", "At most " + MAX_WEBHOOKS + " webhooks.");
            }
            Instant now = clock.instant();
            Webhooks.Webhook webhook = new Webhooks.Webhook(UUID.randomUUID(), partnerId, url,
                    List.copyOf(new java.util.LinkedHashSet<>(events)), WebhookSignature.newSecret(),
                    Webhooks.Status.ACTIVE, null, null, now);
            webhooks.insert(webhook);
            audit.record("webhook.subscribe", "webhook", webhook.id().toString(), null,
                    Map.of("partnerId", partnerId, "url", url, "events", webhook.events()));
            return webhook;
        });
    }

    List<Webhooks.Webhook> list(UUID partnerId) {
        own(partnerId);
        return webhooks.ofPartner(partnerId);
    }

    Webhooks.Webhook read(UUID partnerId, UUID webhookId) {
        own(partnerId);
        return webhooks.find(webhookId, false).filter(w -> w.partnerId().equals(partnerId))
                .orElseThrow(Webhooks::unknown);
    }

    Webhooks.Webhook enable(UUID partnerId, UUID webhookId) {
        own(partnerId);
        return transaction.execute(status -> {
            Webhooks.Webhook webhook = webhooks.find(webhookId, true).filter(w -> w.partnerId().equals(partnerId))
                    .orElseThrow(Webhooks::unknown);
            targets.refusal(webhook.url()).ifPresent(reason -> {
                throw RuleViolation.conflict("WEBHOOK_TARGET_REFUSED", "The URL " + reason + ".");
            });
            webhooks.setStatus(webhookId, Webhooks.Status.ACTIVE, null, clock.instant());
            audit.record("webhook.enable", "webhook", webhookId.toString(),
                    Map.of("status", webhook.status(), "disabledReason", String.valueOf(webhook.disabledReason())),
                    Map.of("status", Webhooks.Status.ACTIVE));
            return webhooks.find(webhookId, false).orElseThrow();
        });
    }

    Webhooks.Delivery redeliver(UUID partnerId, UUID webhookId, UUID deliveryId) {
        own(partnerId);
        return transaction.execute(status -> {
            webhooks.find(webhookId, true).filter(w -> w.partnerId().equals(partnerId))
                    .orElseThrow(Webhooks::unknown);
            Webhooks.Delivery delivery = webhooks.delivery(deliveryId, true)
                    .filter(d -> d.webhookId().equals(webhookId)).orElseThrow(WebhookService::unknownDelivery);
            if (delivery.status() == Webhooks.DeliveryStatus.PENDING) {
                throw RuleViolation.conflict("DELIVERY_PENDING", "The delivery is still being attempted.");
            }
            webhooks.redeliver(deliveryId, clock.instant());
            audit.record("webhook.redeliver", "webhook-delivery", deliveryId.toString(),
                    Map.of("status", delivery.status()), Map.of("status", Webhooks.DeliveryStatus.PENDING));
            return webhooks.delivery(deliveryId, false).orElseThrow();
        });
    }

    record DeliveryView(UUID id, String messageId, String eventType, Webhooks.DeliveryStatus status, int attempts,
            Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
            List<Webhooks.Attempt> history) {
    }

    PageResponse<DeliveryView> deliveries(UUID partnerId, UUID webhookId, PageQuery page) {
        read(partnerId, webhookId);
        return webhooks.deliveries(webhookId, page).map(d -> new DeliveryView(d.id(), d.messageId(), d.eventType(),
                d.status(), d.attempts(), d.status() == Webhooks.DeliveryStatus.PENDING ? d.nextAttemptAt() : null,
                d.lastStatusCode(), d.lastError(), d.createdAt(), new ArrayList<>(webhooks.attempts(d.id()))));
    }

    private void own(UUID partnerId) {
        PartnerAccess.requireOwnOr(partners.get(partnerId));
    }

    private static RuleViolation unknownDelivery() {
        return RuleViolation.notFound("DELIVERY_NOT_FOUND", "No such delivery.");
    }
}
