package com.platform.partner.supervision;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.consumer.IdempotentConsumer;
import com.platform.starter.consumer.InvalidEventException;
import com.platform.starter.outbox.CloudEventEnvelope;

/**
 * P5: per-partner quality facts from transaction-service's events (README "Events consumed" lists the fields).
 * Each event sets only the columns it knows (created, paid with its due time, fulfilled with on-time, cancelled,
 * refunded amount, dispute opened, dispute outcome), so the facts come out the same whatever order the events
 * arrive in; each is applied once ({@code applyOnce}), and the cumulative refunded amount only by a newer event of
 * its transaction ({@code applyInOrder}, scope {@code refund}), so a late partial refund never lowers it.
 */
@Component
class QualityFactsListener {

    static final String CONSUMER = "partner-service.quality";

    private final CloudEvents cloudEvents;
    private final IdempotentConsumer idempotent;
    private final JdbcTemplate jdbc;

    QualityFactsListener(CloudEvents cloudEvents, IdempotentConsumer idempotent, JdbcTemplate jdbc) {
        this.cloudEvents = cloudEvents;
        this.idempotent = idempotent;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "platform.transactions.v1", groupId = CONSUMER)
    void on(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        String type = event.type();
        JsonNode data = event.data();
        if (data == null) {
            return;
        }
        switch (type) {
            case "transaction.created", "transaction.paid", "transaction.fulfilled", "transaction.cancelled" ->
                    idempotent.applyOnce(CONSUMER, event.id(), () -> transactionFact(type, data, event));
            case "transaction.partially-refunded", "transaction.refunded" ->
                    idempotent.applyInOrder(CONSUMER, event, "refund", () -> refund(type, data, event));
            case "dispute.opened", "dispute.resolved" ->
                    idempotent.applyOnce(CONSUMER, event.id(), () -> disputeFact(type, data, event));
            default -> {
                // other events carry nothing supervision measures
            }
        }
    }

    private void transactionFact(String type, JsonNode data, CloudEventEnvelope event) {
        UUID transactionId = uuid(data, "transactionId", event);
        UUID partnerId = uuid(data, "partnerId", event);
        Timestamp occurred = time(data, "occurredAt", event.time());
        jdbc.update("""
                insert into quality_transaction (transaction_id, partner_id, updated_at) values (?, ?, now())
                on conflict (transaction_id) do nothing""", transactionId, partnerId);
        switch (type) {
            case "transaction.created" -> jdbc.update("""
                    update quality_transaction set created_at = coalesce(created_at, ?), updated_at = now()
                    where transaction_id = ?""", occurred, transactionId);
            case "transaction.paid" -> jdbc.update("""
                    update quality_transaction set paid_at = ?, fulfilment_due_at = coalesce(?, fulfilment_due_at),
                           updated_at = now() where transaction_id = ?""",
                    time(data, "paidAt", event.time()), time(data, "fulfilmentDueAt", null), transactionId);
            case "transaction.fulfilled" -> {
                Timestamp fulfilledAt = time(data, "fulfilledAt", event.time());
                Timestamp due = time(data, "fulfilmentDueAt", null);
                Boolean onTime = data.hasNonNull("onTime") ? data.get("onTime").asBoolean()
                        : due == null ? null : !fulfilledAt.after(due);
                jdbc.update("""
                        update quality_transaction set fulfilled_at = ?, on_time = ?,
                               fulfilment_due_at = coalesce(?, fulfilment_due_at), updated_at = now()
                        where transaction_id = ?""", fulfilledAt, onTime, due, transactionId);
            }
            default -> jdbc.update("""
                    update quality_transaction set cancelled_at = ?, updated_at = now() where transaction_id = ?""",
                    occurred, transactionId);
        }
    }

    private void refund(String type, JsonNode data, CloudEventEnvelope event) {
        UUID transactionId = uuid(data, "transactionId", event);
        UUID partnerId = uuid(data, "partnerId", event);
        long refunded = minorUnits(data.get("refundedAmount"), event);
        jdbc.update("""
                insert into quality_transaction (transaction_id, partner_id, refunded_minor, fully_refunded, updated_at)
                values (?, ?, ?, ?, now())
                on conflict (transaction_id) do update set refunded_minor = excluded.refunded_minor,
                    fully_refunded = excluded.fully_refunded, updated_at = now()""", transactionId, partnerId,
                refunded, type.equals("transaction.refunded"));
    }

    private void disputeFact(String type, JsonNode data, CloudEventEnvelope event) {
        UUID disputeId = uuid(data, "disputeId", event);
        UUID partnerId = uuid(data, "partnerId", event);
        UUID transactionId = data.hasNonNull("transactionId") ? uuid(data, "transactionId", event) : null;
        jdbc.update("""
                insert into quality_dispute (dispute_id, partner_id, transaction_id, updated_at) values (?, ?, ?, now())
                on conflict (dispute_id) do nothing""", disputeId, partnerId, transactionId);
        if (type.equals("dispute.opened")) {
            jdbc.update("update quality_dispute set opened_at = ?, updated_at = now() where dispute_id = ?",
                    time(data, "occurredAt", event.time()), disputeId);
        }
        else {
            jdbc.update("""
                    update quality_dispute set resolved_at = ?, outcome = ?, abusive = ?,
                           opened_at = coalesce(opened_at, ?), updated_at = now()
                    where dispute_id = ?""", time(data, "occurredAt", event.time()),
                    data.hasNonNull("outcome") ? data.get("outcome").asString() : null,
                    data.hasNonNull("abusive") && data.get("abusive").asBoolean(),
                    time(data, "occurredAt", event.time()), disputeId);
        }
    }

    private static UUID uuid(JsonNode data, String field, CloudEventEnvelope event) {
        JsonNode value = data.get(field);
        try {
            if (value != null && !value.isNull()) {
                return UUID.fromString(value.asString());
            }
        }
        catch (IllegalArgumentException e) {
            // below
        }
        throw new InvalidEventException(event.type() + " " + event.id() + " lacks a valid " + field);
    }

    private static Timestamp time(JsonNode data, String field, Instant fallback) {
        JsonNode value = data.get(field);
        if (value != null && !value.isNull()) {
            try {
                return Timestamp.from(Instant.parse(value.asString()));
            }
            catch (RuntimeException e) {
                throw new InvalidEventException(field + " is not an ISO-8601 instant");
            }
        }
        return fallback == null ? null : Timestamp.from(fallback);
    }

    private static long minorUnits(JsonNode money, CloudEventEnvelope event) {
        if (money == null || !money.hasNonNull("amount")) {
            throw new InvalidEventException(event.type() + " " + event.id() + " lacks refundedAmount");
        }
        try {
            return new BigDecimal(money.get("amount").asString()).movePointRight(2).longValueExact();
        }
        catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidEventException("refundedAmount is not an exact amount of minor units");
        }
    }
}
