package com.platform.starter.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.consumer.IdempotentConsumer;
import com.platform.starter.outbox.CloudEventEnvelope;
import com.platform.starter.requestid.RequestIds;

import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies thing events once each; fails on demand to exercise retries and dead letters. */
@Component
public class ThingEventsListener {

    /** While set, events named "flaky" fail every attempt. */
    public final AtomicBoolean failFlaky = new AtomicBoolean(true);

    /** How often the listener was invoked with each event id (attempts, not effects). */
    public final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

    private final CloudEvents cloudEvents;
    private final IdempotentConsumer idempotentConsumer;
    private final JdbcTemplate jdbc;

    ThingEventsListener(CloudEvents cloudEvents, IdempotentConsumer idempotentConsumer, JdbcTemplate jdbc) {
        this.cloudEvents = cloudEvents;
        this.idempotentConsumer = idempotentConsumer;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = StarterTestApplication.TOPIC)
    void on(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        invocations.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = cloudEvents.data(event, Map.class);
        if ("flaky".equals(data.get("name")) && failFlaky.get()) {
            throw new IllegalStateException("downstream not ready");
        }
        idempotentConsumer.applyOnce("thing-effects", event.id(), () -> jdbc.update(
                "insert into thing_effect (event_id, aggregate_id, seq, request_id, trace_id) values (?, ?, ?, ?, ?)",
                event.id(), event.subject(), data.get("seq"), RequestIds.current(), MDC.get("traceId")));
    }
}
