package com.platform.risk.facts;

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
 * Keeps the payer and partner views from user-service's and partner-service's events. Each event is applied once
 * and in order per subject and part of the state ({@link IdempotentConsumer#applyInOrder}: a late level event
 * never lowers a level a newer one set; a late status never overrides a newer one). Violations and their appeal
 * outcomes commute, so they are scoped per violation. Other event types are recorded as read and change nothing.
 */
@Component
class FactEventsListener {

    static final String USERS_TOPIC = "platform.users.v1";
    static final String PARTNERS_TOPIC = "platform.partners.v1";
    static final String PAYER_CONSUMER = "risk-service.payer-view";
    static final String PARTNER_CONSUMER = "risk-service.partner-view";

    private final CloudEvents cloudEvents;
    private final IdempotentConsumer idempotent;
    private final FactViews views;

    FactEventsListener(CloudEvents cloudEvents, IdempotentConsumer idempotent, FactViews views) {
        this.cloudEvents = cloudEvents;
        this.idempotent = idempotent;
        this.views = views;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserEvent(UUID userId, String level, String to, UUID violationId, UUID appealId, String outcome,
            Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerEvent(UUID partnerId, String type, String to, String grade, Instant occurredAt) {
    }

    @KafkaListener(topics = USERS_TOPIC, groupId = PAYER_CONSUMER)
    void onUser(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        switch (event.type()) {
            case "user.registered" -> {
                UserEvent data = user(event);
                inOrder(PAYER_CONSUMER, event, "registration",
                        () -> views.payerRegistered(data.userId(), at(data, event)));
            }
            case "user.contact-verified", "user.identity-verified", "user.enterprise-certified" -> {
                UserEvent data = user(event);
                int level = level(data.level(), event);
                inOrder(PAYER_CONSUMER, event, "level", () -> views.payerLevel(data.userId(), level));
            }
            case "user.level-changed" -> {
                UserEvent data = user(event);
                int level = level(data.to(), event);
                inOrder(PAYER_CONSUMER, event, "level", () -> views.payerLevel(data.userId(), level));
            }
            case "user.status-changed" -> {
                UserEvent data = user(event);
                require(data.to() != null, event, "to");
                inOrder(PAYER_CONSUMER, event, "status", () -> views.payerStatus(data.userId(), data.to()));
            }
            case "user.violation-recorded" -> {
                UserEvent data = user(event);
                require(data.violationId() != null, event, "violationId");
                inOrder(PAYER_CONSUMER, event, "violation:" + data.violationId(),
                        () -> views.violationRecorded(data.userId(), data.violationId(), at(data, event)));
            }
            case "user.appeal-decided" -> {
                UserEvent data = user(event);
                require(data.violationId() != null, event, "violationId");
                if ("OVERTURNED".equals(data.outcome())) {
                    inOrder(PAYER_CONSUMER, event, "appeal:" + data.violationId(),
                            () -> views.violationOverturned(data.userId(), data.violationId()));
                }
                else {
                    seen(PAYER_CONSUMER, event);
                }
            }
            default -> seen(PAYER_CONSUMER, event);
        }
    }

    @KafkaListener(topics = PARTNERS_TOPIC, groupId = PARTNER_CONSUMER)
    void onPartner(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        switch (event.type()) {
            case "partner.admitted" -> {
                PartnerEvent data = partner(event);
                // subject is the application: its own ordering key, and an admission never overrides a status
                inOrder(PARTNER_CONSUMER, event, "admission",
                        () -> views.partnerAdmitted(data.partnerId(), data.type()));
            }
            case "partner.status-changed" -> {
                PartnerEvent data = partner(event);
                require(data.to() != null, event, "to");
                inOrder(PARTNER_CONSUMER, event, "status",
                        () -> views.partnerStatus(data.partnerId(), data.type(), data.to()));
            }
            case "partner.graded" -> {
                PartnerEvent data = partner(event);
                require(data.grade() != null && data.grade().matches("[ABCD]"), event, "grade A-D");
                inOrder(PARTNER_CONSUMER, event, "grade", () -> views.partnerGrade(data.partnerId(), data.grade()));
            }
            default -> seen(PARTNER_CONSUMER, event);
        }
    }

    private UserEvent user(CloudEventEnvelope event) {
        UserEvent data = cloudEvents.data(event, UserEvent.class);
        require(data.userId() != null, event, "userId");
        return data;
    }

    private PartnerEvent partner(CloudEventEnvelope event) {
        PartnerEvent data = cloudEvents.data(event, PartnerEvent.class);
        require(data.partnerId() != null, event, "partnerId");
        return data;
    }

    private void inOrder(String consumer, CloudEventEnvelope event, String scope, Runnable effect) {
        idempotent.applyInOrder(consumer, event, scope, effect);
    }

    private void seen(String consumer, CloudEventEnvelope event) {
        idempotent.applyOnce(consumer, event.id(), () -> { });
    }

    private static Instant at(UserEvent data, CloudEventEnvelope event) {
        return data.occurredAt() != null ? data.occurredAt() : event.time() != null ? event.time() : Instant.EPOCH;
    }

    /** {@code L0}-{@code L3} (as user-service publishes them) or a bare digit. */
    static int level(String level, CloudEventEnvelope event) {
        if (level != null && level.matches("L?[0-3]")) {
            return Integer.parseInt(level.substring(level.length() - 1));
        }
        throw new InvalidEventException(event.type() + " " + event.id() + " lacks a level L0-L3");
    }

    private static void require(boolean present, CloudEventEnvelope event, String fields) {
        if (!present) {
            throw new InvalidEventException(event.type() + " " + event.id() + " lacks " + fields);
        }
    }
}
