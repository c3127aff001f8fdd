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
        jdbc.update("""
                insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, payload,
                                          occurred_at, request_id, trace_parent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, eventId, topic, aggregateType, aggregateId, eventType, jsonMapper.writeValueAsString(data),
                Timestamp.from(occurredAt), RequestIds.current(), traceContext.currentTraceParent());
        return eventId;
    }
}
