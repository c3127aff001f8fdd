package com.platform.starter.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the newest published checkpoint of a trail back from Kafka, where the database's writer cannot rewrite
 * it: the partition of the trail's key, read backwards in chunks from its end (checkpoints are written every
 * minute or so, so the newest is close to the end), at most {@code maxScanned} records.
 */
public class AuditAnchor {

    private static final int CHUNK = 500;

    private final Map<String, Object> consumerProperties;
    private final JsonMapper jsonMapper;
    private final String topic;
    private final int maxScanned;

    public AuditAnchor(Map<String, Object> consumerProperties, JsonMapper jsonMapper, String topic, int maxScanned) {
        this.consumerProperties = consumerProperties;
        this.jsonMapper = jsonMapper;
        this.topic = topic;
        this.maxScanned = maxScanned;
    }

    public String describe() {
        return "kafka:" + topic;
    }

    public Optional<AuditSealer.Checkpoint> latest(String trail) {
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return Optional.empty();
            }
            // the default partitioner's choice for a keyed record
            int partition = Utils.toPositive(Utils.murmur2(trail.getBytes(StandardCharsets.UTF_8)))
                    % partitions.size();
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
            long chunkEnd = consumer.endOffsets(List.of(tp)).get(tp);
            long scanned = 0;
            while (chunkEnd > begin && scanned < maxScanned) {
                long chunkStart = Math.max(begin, chunkEnd - CHUNK);
                consumer.seek(tp, chunkStart);
                AuditSealer.Checkpoint newest = null;
                long position = chunkStart;
                int emptyPolls = 0;
                while (position < chunkEnd && emptyPolls < 5) {
                    var records = consumer.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) {
                        emptyPolls++;
                    }
                    for (ConsumerRecord<String, String> record : records) {
                        position = record.offset() + 1;
                        if (record.offset() < chunkEnd && trail.equals(record.key())) {
                            AuditSealer.Checkpoint checkpoint = parse(record.value(), trail);
                            if (checkpoint != null) {
                                newest = checkpoint;
                            }
                        }
                    }
                    // transaction markers and compacted gaps leave no record: the position tells
                    position = Math.max(position, consumer.position(tp));
                }
                if (newest != null) {
                    return Optional.of(newest);
                }
                scanned += chunkEnd - chunkStart;
                chunkEnd = chunkStart;
            }
            return Optional.empty();
        }
    }

    private AuditSealer.Checkpoint parse(String value, String trail) {
        JsonNode envelope;
        try {
            envelope = jsonMapper.readTree(value);
        }
        catch (RuntimeException e) {
            return null;
        }
        if (!AuditSealer.EVENT_TYPE.equals(envelope.path("type").asString())) {
            return null;
        }
        JsonNode data = envelope.path("data");
        if (!trail.equals(data.path("trail").asString())) {
            return null;
        }
        List<AuditSealer.ChainHead> heads = new java.util.ArrayList<>();
        for (JsonNode head : data.path("heads")) {
            heads.add(new AuditSealer.ChainHead(head.path("chain").asInt(), head.path("seq").asLong(),
                    head.path("hash").asString()));
        }
        return new AuditSealer.Checkpoint(trail, data.path("checkpoint").asLong(),
                java.time.Instant.parse(data.path("createdAt").asString()), data.path("entries").asLong(), heads);
    }
}
