package com.platform.starter.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.platform.starter.requestid.RequestIds;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes recorded events to Kafka, oldest first, at least once.
 *
 * <p>Ordering: one relay runs at a time per database (a transaction-scoped advisory lock), rows are sent in
 * {@code position} order on an idempotent producer ({@code acks=all}), keyed by aggregate id. If an event of an
 * aggregate fails, later events of that aggregate in the batch are not marked published and go again after it;
 * other aggregates are not held up. A crash between Kafka's acknowledgement and the commit re-sends the batch:
 * consumers deduplicate by event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    // Any constant works: it only has to be the same for every instance of this service.
    private static final long RELAY_LOCK_KEY = 0x6F7574626F78L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper jsonMapper;
    private final OutboxProperties properties;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            JsonMapper jsonMapper, OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
    }

    /** The outcome of one cycle: how many rows were read, published and failed. */
    public record BatchResult(int read, int published, int failed) {

        static final BatchResult NOTHING = new BatchResult(0, 0, 0);
    }

    /** Sends one batch and marks what Kafka acknowledged. Safe to call from several instances at once. */
    public BatchResult relayBatch() {
        BatchResult result = transaction.execute(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                    RELAY_LOCK_KEY);
            if (!Boolean.TRUE.equals(locked)) {
                return BatchResult.NOTHING;
            }
            List<PendingEvent> batch = jdbc.query("""
                    select position, event_id, topic, aggregate_id, event_type, payload, occurred_at, request_id,
                           trace_parent, aggregate_sequence
                    from outbox_event
                    where published_at is null
                    order by position
                    limit ?
                    """, (rs, i) -> new PendingEvent(rs.getLong("position"), rs.getString("event_id"),
                    rs.getString("topic"), rs.getString("aggregate_id"), rs.getString("event_type"),
                    rs.getString("payload"), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("request_id"), rs.getString("trace_parent"),
                    (Long) rs.getObject("aggregate_sequence")), properties.batchSize());
            return batch.isEmpty() ? BatchResult.NOTHING : publish(batch);
        });
        return result == null ? BatchResult.NOTHING : result;
    }

    private BatchResult publish(List<PendingEvent> batch) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
        for (PendingEvent event : batch) {
            try {
                sends.add(kafka.send(toRecord(event)));
            }
            catch (RuntimeException e) {
                // No metadata in time (broker unreachable): the rest of the batch would only wait as long.
                sends.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        List<Long> published = new ArrayList<>();
        Set<String> blockedAggregates = new HashSet<>();
        List<PendingEvent> failed = new ArrayList<>();
        String firstError = null;
        for (int i = 0; i < batch.size(); i++) {
            PendingEvent event = batch.get(i);
            boolean sent = i < sends.size() && await(sends.get(i));
            if (sent && !blockedAggregates.contains(event.aggregateId())) {
                published.add(event.position());
            }
            else {
                blockedAggregates.add(event.aggregateId());
                failed.add(event);
                if (firstError == null && i < sends.size()) {
                    firstError = errorOf(sends.get(i));
                }
            }
        }
        if (!published.isEmpty()) {
            jdbc.batchUpdate("update outbox_event set published_at = now() where position = ?", published, 500,
                    (ps, position) -> ps.setLong(1, position));
        }
        if (!failed.isEmpty()) {
            String error = firstError != null ? firstError : "not sent: an earlier send of this batch failed";
            jdbc.batchUpdate("update outbox_event set attempts = attempts + 1, last_error = ? where position = ?",
                    failed, 500, (ps, event) -> {
                        ps.setString(1, truncate(error));
                        ps.setLong(2, event.position());
                    });
            log.warn("Outbox relay: {} of {} events not published yet ({}); they will be retried", failed.size(),
                    batch.size(), error);
        }
        return new BatchResult(batch.size(), published.size(), failed.size());
    }

    /** Deletes published events older than the retention period, in small batches; returns how many. */
    public int purgePublished() {
        Timestamp cutoff = Timestamp.from(java.time.Instant.now().minus(properties.retention()));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    delete from outbox_event where position in (
                        select position from outbox_event where published_at < ? limit 1000)
                    """, cutoff);
            total += deleted;
        } while (deleted > 0);
        return total;
    }

    public long pendingCount() {
        Long count = jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Long.class);
        return count == null ? 0 : count;
    }

    /** Closes the relay's own producer (after the runner stopped). */
    public void close() throws Exception {
        if (kafka.getProducerFactory() instanceof org.springframework.beans.factory.DisposableBean factory) {
            factory.destroy();
        }
    }

    private ProducerRecord<String, String> toRecord(PendingEvent event) {
        CloudEventEnvelope envelope = new CloudEventEnvelope(CloudEventEnvelope.SPEC_VERSION, event.eventId(),
                properties.source(), event.eventType(), event.aggregateId(), event.occurredAt(), "application/json",
                event.requestId(), event.traceParent(), jsonMapper.readTree(event.payload()), event.sequence());
        // The record's timestamp is the send time (the producer's): brokers refuse timestamps too far from their own
        // clock (message.timestamp.after.max.ms), which would block an aggregate for good after a clock step. When
        // the change happened travels in the envelope's "time".
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), null, null, event.aggregateId(),
                jsonMapper.writeValueAsString(envelope));
        record.headers().add(new RecordHeader("content-type", bytes(CloudEventEnvelope.CONTENT_TYPE)));
        record.headers().add(new RecordHeader("ce_id", bytes(event.eventId())));
        record.headers().add(new RecordHeader("ce_type", bytes(event.eventType())));
        if (event.requestId() != null) {
            record.headers().add(new RecordHeader(RequestIds.HEADER, bytes(event.requestId())));
        }
        if (event.traceParent() != null) {
            record.headers().add(new RecordHeader("traceparent", bytes(event.traceParent())));
        }
        return record;
    }

    private boolean await(CompletableFuture<SendResult<String, String>> send) {
        try {
            send.get(properties.sendTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (Exception e) {
            return false;
        }
    }

    private static String errorOf(CompletableFuture<?> send) {
        try {
            send.getNow(null);
            return "send did not complete in time";
        }
        catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    private static String truncate(String error) {
        return error.length() > 500 ? error.substring(0, 500) : error;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private record PendingEvent(long position, String eventId, String topic, String aggregateId, String eventType,
            String payload, java.time.Instant occurredAt, String requestId, String traceParent, Long sequence) {
    }
}
