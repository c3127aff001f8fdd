package com.platform.starter.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.platform.starter.requestid.RequestIds;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the same database transaction as the state change it describes (X1). Nothing reaches
 * Kafka unless that transaction commits; once it commits, the relay publishes it even if Kafka is down now.
 *
 * <p>Each event gets the next number of its aggregate on its topic ({@code aggregatesequence} in the envelope),
 * from a counter row in {@code outbox_aggregate_sequence} that is incremented in this same transaction. The row
 * stays locked until commit, so a second transaction recording for the same aggregate waits and gets the next
 * number after the first committed: numbers follow commit order, with no gaps from rolled-back transactions
 * (their increment rolls back too). Record an aggregate's events after locking the aggregate itself (the lock
 * order of style.md), so two use cases never wait for each other's counters in opposite order.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper jsonMapper;
    private final TraceContext traceContext;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, JsonMapper jsonMapper, TraceContext traceContext, Clock clock) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        this.traceContext = traceContext;
        this.clock = clock;
    }

    /**
     * @param topic the service's own topic, e.g. {@code platform.users.v1}
     * @param aggregateType e.g. {@code user}; the aggregate id is the Kafka key, so its events stay in order
     * @param eventType stable type string, e.g. {@code user.registered}; never a Java class name
     * @param data the event's facts (ids and values, never entities); serialised as JSON
     * @return the event id, which consumers use to deduplicate
     * @throws IllegalStateException outside a transaction: an event without its state change is a lie
     */
    public UUID record(String topic, String aggregateType, String aggregateId, String eventType, Object data) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.record must run inside the transaction of the state change");
        }
        UUID eventId = UUID.randomUUID();
        Instant occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Long sequence = jdbc.queryForObject("""
                insert into outbox_aggregate_sequence (topic, aggregate_id, last_sequence) values (?, ?, 1)
                on conflict (topic, aggregate_id)
                do update set last_sequence = outbox_aggregate_sequence.last_sequence + 1
                returning last_sequence
                """, Long.class, topic, aggregateId);
        jdbc.update("""
                insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, payload,
                                          occurred_at, request_id, trace_parent, aggregate_sequence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, eventId, topic, aggregateType, aggregateId, eventType, jsonMapper.writeValueAsString(data),
                Timestamp.from(occurredAt), RequestIds.current(), traceContext.currentTraceParent(), sequence);
        return eventId;
    }
}
