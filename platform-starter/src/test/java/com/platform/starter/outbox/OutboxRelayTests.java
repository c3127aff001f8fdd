package com.platform.starter.outbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.platform.starter.StarterIntegrationTest;
import com.platform.starter.testapp.StarterTestApplication;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class OutboxRelayTests extends StarterIntegrationTest {

    private static final String TOPIC = StarterTestApplication.TOPIC;

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    OutboxRelay relay;

    private final OutboxProperties properties = new OutboxProperties("/starter-test", false, Duration.ofMillis(100),
            200, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofDays(7), Duration.ofHours(1));

    /** Records {@code perAggregate} events for each of {@code aggregates} new aggregates, interleaved. */
    private List<String> recordEvents(int aggregates, int perAggregate) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        for (int seq = 1; seq <= perAggregate; seq++) {
            int current = seq;
            transaction.executeWithoutResult(status -> ids.forEach(id -> outbox.record(TOPIC, "thing", id,
                    "thing.changed", Map.of("name", "outbox-test", "seq", current))));
        }
        return ids;
    }

    private int unpublished(List<String> aggregateIds) {
        return jdbc.queryForObject("select count(*) from outbox_event where published_at is null and aggregate_id = any(?)",
                Integer.class, (Object) aggregateIds.toArray(String[]::new));
    }

    private Map<String, Object> producerProperties(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    private OutboxRelay relayVia(KafkaTemplate<String, String> template) {
        return new OutboxRelay(jdbc, transaction, template, jsonMapper, properties);
    }

    /** Every record of these aggregates on the topic, from the beginning, in partition order. */
    private List<ConsumerRecord<String, String>> recordsOf(List<String> aggregateIds, int atLeast) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (aggregateIds.contains(r.key())) {
                        records.add(r);
                    }
                });
                return records.size() >= atLeast;
            });
        }
        return records;
    }

    /** Per key, the seq values in the order of first delivery of each event id: duplicates are ignored. */
    private Map<String, List<Integer>> firstDeliveryOrder(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new HashSet<>();
        Map<String, List<Integer>> order = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode envelope = jsonMapper.readTree(record.value());
            if (seen.add(envelope.get("id").asString())) {
                order.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(envelope.get("data").get("seq").asInt());
            }
        }
        return order;
    }

    private static List<Integer> oneTo(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(i);
        }
        return list;
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.record(TOPIC, "thing", "x", "thing.changed", Map.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void publishedEventIsACloudEventKeyedByAggregate() {
        List<String> ids = recordEvents(1, 1);
        relay.relayBatch();
        ConsumerRecord<String, String> record = recordsOf(ids, 1).get(0);
        JsonNode envelope = jsonMapper.readTree(record.value());
        assertThat(record.key()).isEqualTo(ids.get(0));
        assertThat(envelope.get("specversion").asString()).isEqualTo("1.0");
        assertThat(envelope.get("type").asString()).isEqualTo("thing.changed");
        assertThat(envelope.get("source").asString()).isEqualTo("/starter-test");
        assertThat(envelope.get("subject").asString()).isEqualTo(ids.get(0));
        assertThat(envelope.get("time").asString()).endsWith("Z");
        assertThat(envelope.get("data").get("seq").asInt()).isEqualTo(1);
        assertThat(new String(record.headers().lastHeader("content-type").value()))
                .isEqualTo("application/cloudevents+json");
    }

    @Test
    void eachAggregatesEventsCarryAGaplessSequenceInCommitOrder() {
        List<String> ids = recordEvents(2, 3);
        // a rolled-back transaction uses no number
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.record(TOPIC, "thing", ids.get(0), "thing.changed", Map.of("name", "rolled-back", "seq", 99));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        transaction.executeWithoutResult(status -> outbox.record(TOPIC, "thing", ids.get(0), "thing.changed",
                Map.of("name", "outbox-test", "seq", 4)));
        relay.relayBatch();

        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : recordsOf(ids, 7)) {
            JsonNode envelope = jsonMapper.readTree(record.value());
            sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(envelope.get("aggregatesequence").asLong());
        }
        assertThat(sequences.get(ids.get(0))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(sequences.get(ids.get(1))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void concurrentTransactionsOfOneAggregateGetDistinctNumbersInCommitOrder() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        int writers = 8;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                done.add(pool.submit(() -> transaction.executeWithoutResult(status -> outbox.record(TOPIC, "thing",
                        aggregate, "thing.changed", Map.of("name", "outbox-test", "seq", 0)))));
            }
            for (var future : done) {
                future.get();
            }
        }
        // position is the insertion order; the sequence must grow with it
        assertThat(jdbc.queryForList("select aggregate_sequence from outbox_event where aggregate_id = ? order by position",
                Long.class, aggregate)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void eventsWrittenWhileTheBrokerIsUnreachableAllArriveInOrderOnceItReturns() throws Exception {
        List<String> aggregates = recordEvents(4, 10);
        int port = freePort();
        KafkaTemplate<String, String> template = OutboxAutoConfiguration.relayTemplate(
                producerProperties("localhost:" + port), properties, "outbox-test");
        OutboxRelay unreachableRelay = relayVia(template);
        try {
            OutboxRelay.BatchResult whileDown = unreachableRelay.relayBatch();
            assertThat(whileDown.published()).isZero();
            assertThat(unpublished(aggregates)).isEqualTo(40);

            String[] brokerAddress = broker.getBrokersAsString().split(",")[0].split(":");
            try (NioReactor reactor = new NioReactor();
                    TcpCrusher proxy = TcpCrusherBuilder.builder().withReactor(reactor)
                            .withBindAddress("localhost", port)
                            .withConnectAddress(brokerAddress[0], Integer.parseInt(brokerAddress[1]))
                            .buildAndOpen()) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    unreachableRelay.relayBatch();
                    return unpublished(aggregates) == 0;
                });
            }
        }
        finally {
            unreachableRelay.close();
        }

        List<ConsumerRecord<String, String>> records = recordsOf(aggregates, 40);
        Map<String, List<Integer>> order = firstDeliveryOrder(records);
        assertThat(order.keySet()).containsExactlyInAnyOrderElementsOf(aggregates);
        order.values().forEach(seqs -> assertThat(seqs).containsExactlyElementsOf(oneTo(10)));
        awaitEffectsAppliedOnceInOrder(aggregates, 10);
    }

    @Test
    void relayKilledMidBatchLosesNothingAndTheRestartedRelayKeepsOrder() throws Exception {
        List<String> aggregates = recordEvents(3, 10);
        KafkaTemplate<String, String> dying = new KafkaTemplate<>(OutboxAutoConfiguration.relayTemplate(
                producerProperties(broker.getBrokersAsString()), properties, "dying").getProducerFactory()) {
            private int sends;

            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                if (++sends > 12) {
                    // The process dies after Kafka took 12 events and before the relay marked any as published.
                    throw new SimulatedCrash();
                }
                return super.send(record);
            }
        };
        OutboxRelay crashing = relayVia(dying);
        assertThatThrownBy(crashing::relayBatch).isInstanceOf(SimulatedCrash.class);
        crashing.close();
        assertThat(unpublished(aggregates)).as("nothing marked: the transaction died with the relay").isEqualTo(30);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            relay.relayBatch();
            return unpublished(aggregates) == 0;
        });

        List<ConsumerRecord<String, String>> records = recordsOf(aggregates, 30);
        Map<String, List<Integer>> order = firstDeliveryOrder(records);
        order.values().forEach(seqs -> assertThat(seqs).containsExactlyElementsOf(oneTo(10)));
        assertThat(order.values().stream().mapToInt(List::size).sum()).isEqualTo(30);
        awaitEffectsAppliedOnceInOrder(aggregates, 10);
    }

    @Test
    void theRunnerPublishesOnItsOwnAndStopsPromptly() {
        OutboxRelayRunner runner = new OutboxRelayRunner(relay, properties);
        runner.start();
        try {
            List<String> aggregates = recordEvents(2, 3);
            await().atMost(Duration.ofSeconds(20)).until(() -> unpublished(aggregates) == 0);
            awaitEffectsAppliedOnceInOrder(aggregates, 3);
        }
        finally {
            long begin = System.nanoTime();
            runner.stop();
            assertThat(runner.isRunning()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void publishedEventsArePurgedAfterTheRetention() {
        List<String> ids = recordEvents(1, 1);
        relay.relayBatch();
        jdbc.update("update outbox_event set published_at = now() - interval '8 days' where aggregate_id = ?",
                ids.get(0));
        assertThat(relay.purgePublished()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where aggregate_id = ?", Integer.class,
                ids.get(0))).isZero();
    }

    /** The test listener applied each event exactly once and, per aggregate, in order. */
    private void awaitEffectsAppliedOnceInOrder(List<String> aggregates, int perAggregate) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String aggregate : aggregates) {
                assertThat(jdbc.queryForList(
                        "select seq from thing_effect where aggregate_id = ? order by applied_order", Integer.class,
                        aggregate)).containsExactlyElementsOf(oneTo(perAggregate));
            }
        });
    }

    /** An Error, like the JVM dying: nothing in the relay may catch it. */
    static class SimulatedCrash extends Error {
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
