package com.platform.starter.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.platform.starter.StarterIntegrationTest;
import com.platform.starter.outbox.CloudEventEnvelope;
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

class IdempotentConsumerTests extends StarterIntegrationTest {

    private static final String TOPIC = StarterTestApplication.TOPIC;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    ThingEventsListener listener;
    @Autowired
    DeadLetterReplayer replayer;
    @Autowired
    IdempotentConsumer idempotentConsumer;

    private KafkaTemplate<String, String> producer;

    @BeforeEach
    void producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new StringSerializer()));
    }

    @AfterEach
    void closeProducer() {
        producer.getProducerFactory().reset();
    }

    private String event(String eventId, String aggregateId, String name, int seq) {
        return jsonMapper.writeValueAsString(new CloudEventEnvelope("1.0", eventId, "/test", "thing.changed",
                aggregateId, Instant.now(), "application/json", null, null,
                jsonMapper.valueToTree(Map.of("name", name, "seq", seq))));
    }

    private List<Integer> effects(String aggregateId) {
        return jdbc.queryForList("select seq from thing_effect where aggregate_id = ? order by applied_order",
                Integer.class, aggregateId);
    }

    @Test
    void redeliveredEventChangesNothing() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String value = event(eventId, aggregate, "once", 1);
        producer.send(TOPIC, aggregate, value).get();
        producer.send(TOPIC, aggregate, value).get();
        producer.send(TOPIC, aggregate, event(UUID.randomUUID().toString(), aggregate, "after", 2)).get();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(effects(aggregate)).containsExactly(1, 2));
    }

    @Test
    void failedEffectLeavesNoMarkSoTheEventCanBeAppliedLater() {
        String eventId = UUID.randomUUID().toString();
        try {
            idempotentConsumer.applyOnce("failing-effect", eventId, () -> {
                jdbc.update("insert into thing_effect (event_id, aggregate_id, seq) values (?, 'rolled-back', 1)",
                        eventId);
                throw new IllegalStateException("effect failed");
            });
        }
        catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(effects("rolled-back")).isEmpty();
        assertThat(idempotentConsumer.applyOnce("failing-effect", eventId, () -> { })).isTrue();
        assertThat(idempotentConsumer.applyOnce("failing-effect", eventId, () -> { })).isFalse();
    }

    private CloudEventEnvelope sequenced(String subject, Long sequence) {
        return new CloudEventEnvelope("1.0", UUID.randomUUID().toString(), "/test", "thing.changed", subject,
                Instant.now(), "application/json", null, null, jsonMapper.valueToTree(Map.of("name", "x")), sequence);
    }

    @Test
    void lateEventIsSkippedWhileOtherScopesRedeliveriesAndUnsequencedEventsBehave() {
        String subject = UUID.randomUUID().toString();
        List<String> applied = new java.util.ArrayList<>();
        CloudEventEnvelope second = sequenced(subject, 2L);

        assertThat(idempotentConsumer.applyInOrder("ordering-test", second, "state", () -> applied.add("2"))).isTrue();
        assertThat(idempotentConsumer.applyInOrder("ordering-test", sequenced(subject, 1L), "state",
                () -> applied.add("1 late"))).as("older than what was applied").isFalse();
        assertThat(idempotentConsumer.applyInOrder("ordering-test", sequenced(subject, 1L), "part:7",
                () -> applied.add("1 other part"))).isTrue();
        assertThat(idempotentConsumer.applyInOrder("ordering-test", second, "state", () -> applied.add("2 again")))
                .isFalse();
        assertThat(idempotentConsumer.applyInOrder("ordering-test", sequenced(subject, 3L), "state",
                () -> applied.add("3"))).isTrue();
        assertThat(idempotentConsumer.applyInOrder("ordering-test", sequenced(subject, null), "state",
                () -> applied.add("no sequence"))).isTrue();
        assertThat(idempotentConsumer.applyInOrder("another-consumer", sequenced(subject, 1L), "state",
                () -> applied.add("1 another consumer"))).isTrue();

        assertThat(applied).containsExactly("2", "1 other part", "3", "no sequence", "1 another consumer");
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        producer.send(TOPIC, aggregate, "this is not a cloud event {").get();
        producer.send(TOPIC, aggregate, event(UUID.randomUUID().toString(), aggregate, "next", 7)).get();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(effects(aggregate)).containsExactly(7));
        List<ConsumerRecord<String, String>> deadLetters = deadLetters(aggregate, 1);
        assertThat(deadLetters.get(0).value()).isEqualTo("this is not a cloud event {");
        assertThat(deadLetters.get(0).headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
    }

    @Test
    void failingRecordIsRetriedThenDeadLetteredAndReplayedOnceTheCauseIsFixed() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        listener.failFlaky.set(true);
        producer.send(TOPIC, aggregate, event(UUID.randomUUID().toString(), aggregate, "flaky", 3)).get();
        producer.send(TOPIC, aggregate, event(UUID.randomUUID().toString(), aggregate, "fine", 4)).get();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(effects(aggregate)).containsExactly(4));
        deadLetters(aggregate, 1);

        listener.failFlaky.set(false);
        int replayed = replayer.replay(TOPIC, 1000);

        assertThat(replayed).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(effects(aggregate)).containsExactly(4, 3));
    }

    @Test
    void adminCanReplayDeadLettersOverHttp() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/actuator/deadletters/" + TOPIC + ".dlt")
                        .header("Authorization", bearer(tokens.user("admin-1", "admin")))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"max\": \"5\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.topic")
                        .value(TOPIC + ".dlt"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.group")
                        .value("starter-test"));
    }

    private List<ConsumerRecord<String, String>> deadLetters(String key, int atLeast) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC + ".dlt"));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= atLeast;
            });
        }
        return found;
    }
}
