package com.platform.starter.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Replays one consumer group's dead letters. Every consumer group of a topic parks its failures on the same
 * {@code <topic>.dlt}, each letter naming the group that failed ({@code kafka_dlt-original-consumer-group}). A
 * replay for group G reads the dead-letter topic with its own replay group ({@code G-dlt-replay}, which remembers
 * where G's last replay stopped), sends G's letters back to the original topic with their key, value and headers
 * (minus the dead-letter diagnostics) plus {@value #REPLAY_GROUP_HEADER}{@code : G}, and passes over the other
 * groups' letters without sending them: their own replay group still finds them. On the original topic,
 * {@link ReplayedForAnotherGroupFilter} drops a replayed record in every group but G, so a replay never makes
 * another service (or another listener group of this one) process an event again. Letters parked without a group
 * header are replayed to every group, as before groups were told apart. A replay goes up to the end the
 * dead-letter topic had when it started: a letter that fails again is parked behind it, for the next replay.
 * Call it after the cause is fixed (see docs/operations.md).
 */
public class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    public static final String DLT_SUFFIX = ".dlt";
    /** Names the only consumer group that processes a replayed record. */
    public static final String REPLAY_GROUP_HEADER = "platform-replay-group";

    private final Map<String, Object> consumerProperties;
    private final KafkaTemplate<Object, Object> template;
    private final String defaultGroup;

    /**
     * @param defaultGroup the group replayed when none is named: the service's {@code spring.kafka.consumer.group-id}
     */
    public DeadLetterReplayer(Map<String, Object> consumerProperties, KafkaTemplate<Object, Object> template,
            String defaultGroup) {
        this.consumerProperties = consumerProperties;
        this.template = template;
        this.defaultGroup = defaultGroup;
    }

    public String defaultGroup() {
        return defaultGroup;
    }

    /** Replays up to {@code max} of the default group's dead letters of the topic. */
    public int replay(String topic, int max) {
        return replay(topic, defaultGroup, max);
    }

    /**
     * Replays up to {@code max} dead letters that consumer group {@code group} parked for the given topic (its name
     * with or without {@code .dlt}); returns how many were sent back.
     */
    public int replay(String topic, String group, int max) {
        String dlt = topic.endsWith(DLT_SUFFIX) ? topic : topic + DLT_SUFFIX;
        String original = dlt.substring(0, dlt.length() - DLT_SUFFIX.length());
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-dlt-replay");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-dlt-replay-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(max, 500));
        int replayed = 0;
        int skipped = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                    .map(info -> new TopicPartition(dlt, info.partition())).toList();
            consumer.assign(partitions);
            // Only what was parked before this replay: a letter that fails again is parked behind this end and
            // waits for the next replay, instead of going round until max.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> pending = new HashSet<>();
            for (TopicPartition partition : partitions) {
                if (consumer.position(partition) < end.get(partition)) {
                    pending.add(partition);
                }
            }
            int emptyPolls = 0;
            while (replayed < max && !pending.isEmpty() && emptyPolls < 10) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (replayed >= max || record.offset() >= end.get(partition)) {
                        continue;
                    }
                    String parkedBy = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
                    if (parkedBy == null || parkedBy.equals(group)) {
                        template.send(toOriginal(record, original, parkedBy)).join();
                        replayed++;
                    }
                    else {
                        skipped++;
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    if (record.offset() + 1 >= end.get(partition)) {
                        pending.remove(partition);
                    }
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
        }
        log.info("Replayed {} dead letters of group {} from {} to {} (passed over {} of other groups)", replayed,
                group, dlt, original, skipped);
        return replayed;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ProducerRecord<Object, Object> toOriginal(ConsumerRecord<byte[], byte[]> record, String topic,
            String group) {
        ProducerRecord<Object, Object> replay = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-") && !header.key().equals(REPLAY_GROUP_HEADER)) {
                replay.headers().add(header);
            }
        }
        if (group != null) {
            replay.headers().add(new RecordHeader(REPLAY_GROUP_HEADER, group.getBytes(StandardCharsets.UTF_8)));
        }
        return replay;
    }
}
