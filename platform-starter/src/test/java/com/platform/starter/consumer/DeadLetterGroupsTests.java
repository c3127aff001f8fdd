package com.platform.starter.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.platform.starter.StarterIntegrationTest;
import com.platform.starter.outbox.CloudEventEnvelope;
import com.platform.starter.testapp.SecondGroupListener;
import com.platform.starter.testapp.StarterTestApplication;
import com.platform.starter.testapp.ThingEventsListener;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two consumer groups on one topic: each replays only its own dead letters, and only to itself. */
class DeadLetterGroupsTests extends StarterIntegrationTest {

    private static final String TOPIC = StarterTestApplication.TOPIC;
    private static final String FIRST = "starter-test";
    private static final String SECOND = SecondGroupListener.GROUP;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    ThingEventsListener first;
    @Autowired
    SecondGroupListener second;
    @Autowired
    DeadLetterReplayer replayer;

    private KafkaTemplate<String, String> producer;

    @BeforeEach
    void producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new StringSerializer()));
        // other test classes switch the failures off
        first.failFlaky.set(true);
        second.failFlakySecond.set(true);
    }

    @AfterEach
    void reset() {
        producer.getProducerFactory().reset();
        first.failFlaky.set(true);
        second.failFlakySecond.set(true);
    }

    private String send(String aggregate, String name, int seq) throws Exception {
        String id = UUID.randomUUID().toString();
        producer.send(TOPIC, aggregate, jsonMapper.writeValueAsString(new CloudEventEnvelope("1.0", id, "/test",
                "thing.changed", aggregate, Instant.now(), "application/json", null, null,
                jsonMapper.valueToTree(Map.of("name", name, "seq", seq))))).get();
        return id;
    }

    private static int count(Map<String, AtomicInteger> counts, String id) {
        AtomicInteger n = counts.get(id);
        return n == null ? 0 : n.get();
    }

    private List<Integer> firstGroupEffects(String aggregate) {
        return jdbc.queryForList("select seq from thing_effect where aggregate_id = ? order by applied_order",
                Integer.class, aggregate);
    }

    /** Records of the key on a topic from the beginning, until {@code until} holds for them. */
    private List<ConsumerRecord<String, String>> records(String topic, String key,
            java.util.function.Predicate<List<ConsumerRecord<String, String>>> until) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return until.test(found);
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void awaitDeadLetterOf(String aggregate, String group) {
        records(TOPIC + DeadLetterReplayer.DLT_SUFFIX, aggregate, found -> found.stream()
                .anyMatch(r -> group.equals(header(r, "kafka_dlt-original-consumer-group"))));
    }

    @Test
    void replayRedeliversOnlyToTheGroupThatParkedTheEvent() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        String parked = send(aggregate, "flaky", 5);
        awaitDeadLetterOf(aggregate, FIRST);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(second.applied, parked) == 1);

        first.failFlaky.set(false);
        assertThat(replayer.replay(TOPIC, FIRST, 1000)).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> firstGroupEffects(aggregate).contains(5));

        // A later event of the same key shares the partition: once the second group has it, it has passed the replay.
        String marker = send(aggregate, "marker", 6);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(second.invocations, marker) == 1);
        assertThat(count(second.invocations, parked)).as("the second group saw the event once, never the replay")
                .isEqualTo(1);
        assertThat(firstGroupEffects(aggregate)).containsExactly(5, 6);
    }

    @Test
    void oneGroupsReplayNeverDrainsAnotherGroupsLetters() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        String parked = send(aggregate, "flaky-second", 8);
        awaitDeadLetterOf(aggregate, SECOND);
        await().atMost(Duration.ofSeconds(20)).until(() -> firstGroupEffects(aggregate).contains(8));

        second.failFlakySecond.set(false);
        replayer.replay(TOPIC, FIRST, 1000);
        String marker = send(aggregate, "marker", 9);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(first.invocations, marker) == 1
                && count(second.invocations, marker) == 1);
        assertThat(count(second.applied, parked)).as("the first group's replay did not send it").isZero();
        assertThat(count(first.invocations, parked)).isEqualTo(1);

        assertThat(replayer.replay(TOPIC, SECOND, 1000)).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(second.applied, parked) == 1);
        List<ConsumerRecord<String, String>> onTopic = records(TOPIC, aggregate, found -> found.size() >= 3);
        assertThat(onTopic).filteredOn(r -> header(r, DeadLetterReplayer.REPLAY_GROUP_HEADER) != null)
                .singleElement()
                .satisfies(r -> assertThat(header(r, DeadLetterReplayer.REPLAY_GROUP_HEADER)).isEqualTo(SECOND));
        String markerAfter = send(aggregate, "marker", 10);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(first.invocations, markerAfter) == 1);
        assertThat(count(first.invocations, parked)).as("the first group never got the second group's replay")
                .isEqualTo(1);
    }
}
