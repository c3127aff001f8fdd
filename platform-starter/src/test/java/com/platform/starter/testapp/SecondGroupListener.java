package com.platform.starter.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.platform.starter.consumer.CloudEvents;
import com.platform.starter.outbox.CloudEventEnvelope;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A second consumer group on the same topic, as another service would have; fails "flaky-second" on demand. */
@Component
public class SecondGroupListener {

    public static final String GROUP = "starter-test.second";

    public final AtomicBoolean failFlakySecond = new AtomicBoolean(true);
    public final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();

    private final CloudEvents cloudEvents;

    SecondGroupListener(CloudEvents cloudEvents) {
        this.cloudEvents = cloudEvents;
    }

    @KafkaListener(topics = StarterTestApplication.TOPIC, groupId = GROUP)
    void on(String value) {
        CloudEventEnvelope event = cloudEvents.parse(value);
        invocations.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (event.data() != null && "flaky-second".equals(event.data().path("name").asString())
                && failFlakySecond.get()) {
            throw new IllegalStateException("second group's downstream not ready");
        }
        applied.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
    }
}
