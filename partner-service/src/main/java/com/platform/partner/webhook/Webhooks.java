package com.platform.partner.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.platform.partner.support.Json;
import com.platform.partner.support.RuleViolation;
import com.platform.starter.crypto.FieldEncryptor;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

/** The webhook, webhook_delivery and webhook_attempt tables. Secrets are stored encrypted. */
@Repository
class Webhooks {

    private static final String SECRET_CONTEXT = "webhook.secret";

    enum Status { ACTIVE, DISABLED }

    enum DeliveryStatus { PENDING, SUCCEEDED, FAILED }

    record Webhook(UUID id, UUID partnerId, String url, List<String> events, String secret, Status status,
            String disabledReason, Instant disabledAt, Instant createdAt) {

        @Override
        public String toString() {
            return "Webhook[" + id + "]";
        }
    }

    record Delivery(UUID id, UUID webhookId, UUID partnerId, String messageId, String eventType, String payload,
            DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant leaseUntil, Integer lastStatusCode,
            String lastError, Instant createdAt) {
    }

    record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMs) {
    }

    private final JdbcTemplate jdbc;
    private final Json json;
    private final FieldEncryptor encryptor;

    Webhooks(JdbcTemplate jdbc, Json json, FieldEncryptor encryptor) {
        this.jdbc = jdbc;
        this.json = json;
        this.encryptor = encryptor;
    }

    void insert(Webhook w) {
        jdbc.update("""
                insert into webhook (id, partner_id, url, events, secret, status, created_at, updated_at)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?)""", w.id(), w.partnerId(), w.url(), json.write(w.events()),
                encryptor.encrypt(w.secret(), SECRET_CONTEXT), w.status().name(), Timestamp.from(w.createdAt()),
                Timestamp.from(w.createdAt()));
    }

    Optional<Webhook> find(UUID id, boolean lock) {
        return jdbc.query("select * from webhook where id = ?" + (lock ? " for update" : ""), this::webhook, id)
                .stream().findFirst();
    }

    static RuleViolation unknown() {
        return RuleViolation.notFound("WEBHOOK_NOT_FOUND", "No such webhook.");
    }

    List<Webhook> ofPartner(UUID partnerId) {
        return jdbc.query("select * from webhook where partner_id = ? order by created_at, id", this::webhook,
                partnerId);
    }

    void setStatus(UUID id, Status status, String reason, Instant now) {
        jdbc.update("update webhook set status = ?, disabled_reason = ?, disabled_at = ?, updated_at = ? where id = ?",
                status.name(), reason, status == Status.DISABLED ? Timestamp.from(now) : null, Timestamp.from(now),
                id);
    }

    /** Persists a delivery of the message to every active webhook of the partner subscribed to its type. */
    int enqueue(UUID partnerId, String messageId, String eventType, String payload, Instant now) {
        return jdbc.update("""
                insert into webhook_delivery (id, webhook_id, partner_id, message_id, event_type, payload, status,
                                              attempts, next_attempt_at, created_at, updated_at)
                select gen_random_uuid(), w.id, w.partner_id, ?, ?, ?, 'PENDING', 0, ?, ?, ?
                from webhook w
                where w.partner_id = ? and w.status = 'ACTIVE' and w.events @> jsonb_build_array(?::text)
                on conflict (webhook_id, message_id) do nothing""", messageId, eventType, payload,
                Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), partnerId, eventType);
    }

    /** Due deliveries of active webhooks, leased to the caller; a lease of a dead instance expires and is taken. */
    List<UUID> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.queryForList("""
                update webhook_delivery set lease_until = ?
                where id in (select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id
                             where d.status = 'PENDING' and w.status = 'ACTIVE' and d.next_attempt_at <= ?
                               and (d.lease_until is null or d.lease_until < ?)
                             order by d.next_attempt_at limit ? for update of d skip locked)
                returning id""", UUID.class, Timestamp.from(leaseUntil), Timestamp.from(now), Timestamp.from(now),
                limit);
    }

    Optional<Delivery> delivery(UUID id, boolean lock) {
        return jdbc.query("select * from webhook_delivery where id = ?" + (lock ? " for update" : ""),
                Webhooks::delivery, id).stream().findFirst();
    }

    void recordAttempt(Delivery d, int attempt, Instant at, Integer statusCode, String error, long durationMs,
            DeliveryStatus status, Instant nextAttemptAt, int attemptsInCycle) {
        jdbc.update("""
                insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                values (?, ?, ?, ?, ?, ?)""", d.id(), attempt, Timestamp.from(at), statusCode, error, durationMs);
        jdbc.update("""
                update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, lease_until = null,
                       last_status_code = ?, last_error = ?, updated_at = ?
                where id = ?""", status.name(), attemptsInCycle, nextAttemptAt == null ? null
                : Timestamp.from(nextAttemptAt), statusCode, error, Timestamp.from(at), d.id());
    }

    int nextAttemptNumber(UUID deliveryId) {
        Integer max = jdbc.queryForObject("select max(attempt) from webhook_attempt where delivery_id = ?",
                Integer.class, deliveryId);
        return max == null ? 1 : max + 1;
    }

    void redeliver(UUID deliveryId, Instant now) {
        jdbc.update("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, lease_until = null,
                       updated_at = ? where id = ?""", Timestamp.from(now), Timestamp.from(now), deliveryId);
    }

    PageResponse<Delivery> deliveries(UUID webhookId, PageQuery page) {
        Long total = jdbc.queryForObject("select count(*) from webhook_delivery where webhook_id = ?", Long.class,
                webhookId);
        List<Delivery> items = jdbc.query("select * from webhook_delivery where webhook_id = ? "
                + "order by created_at desc, id limit ? offset ?", Webhooks::delivery, webhookId, page.size(),
                page.offset());
        return PageResponse.of(items, page, total == null ? 0 : total);
    }

    List<Attempt> attempts(UUID deliveryId) {
        return jdbc.query("select * from webhook_attempt where delivery_id = ? order by attempt", (rs, i) ->
                new Attempt(rs.getInt("attempt"), rs.getTimestamp("attempted_at").toInstant(),
                        (Integer) rs.getObject("status_code"), rs.getString("error"), rs.getLong("duration_ms")),
                deliveryId);
    }

    private Webhook webhook(ResultSet rs, int row) throws SQLException {
        Timestamp disabledAt = rs.getTimestamp("disabled_at");
        return new Webhook(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("url"), json.readList(rs.getString("events"), String.class),
                encryptor.decrypt(rs.getString("secret"), SECRET_CONTEXT), Status.valueOf(rs.getString("status")),
                rs.getString("disabled_reason"), disabledAt == null ? null : disabledAt.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp lease = rs.getTimestamp("lease_until");
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
                rs.getObject("partner_id", UUID.class), rs.getString("message_id"), rs.getString("event_type"),
                rs.getString("payload"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                next == null ? null : next.toInstant(), lease == null ? null : lease.toInstant(),
                (Integer) rs.getObject("last_status_code"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant());
    }
}
