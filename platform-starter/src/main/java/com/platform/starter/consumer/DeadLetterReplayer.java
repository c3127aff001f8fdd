package com.platform.starter.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Replays dead letters: reads {@code <topic>.dlt} from where the last replay stopped and sends each record back to
 * its original topic with its key, value and headers (minus the dead-letter diagnostics). Its consumer group
 * remembers the position, so a record is replayed once per call; consumers deduplicate anyway.
 * Call it after the cause is fixed (see docs/operations.md).
 */
public class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    public static final String DLT_SUFFIX = ".dlt";

    private final Map<String, Object> consumerProperties;
    private final KafkaTemplate<Object, Object> template;
    private final String groupPrefix;

    public DeadLetterReplayer(Map<String, Object> consumerProperties, KafkaTemplate<Object, Object> template,
            String groupPrefix) {
        this.consumerProperties = consumerProperties;
        this.template = template;
        this.groupPrefix = groupPrefix;
    }

    /** Replays up to {@code max} dead letters of the given topic (its name with or without {@code .dlt}). */
    public int replay(String topic, int max) {
        String dlt = topic.endsWith(DLT_SUFFIX) ? topic : topic + DLT_SUFFIX;
        String original = dlt.substring(0, dlt.length() - DLT_SUFFIX.length());
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-dlt-replay");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupPrefix + "-dlt-replay-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(max, 500));
        int replayed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(dlt));
            int emptyPolls = 0;
            while (replayed < max && emptyPolls < 3) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (replayed >= max) {
                        break;
                    }
                    template.send(toOriginal(record, original)).join();
                    done.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    replayed++;
                }
                consumer.commitSync(done);
            }
        }
        log.info("Replayed {} dead letters from {} to {}", replayed, dlt, original);
        return replayed;
    }

    private static ProducerRecord<Object, Object> toOriginal(ConsumerRecord<byte[], byte[]> record, String topic) {
        ProducerRecord<Object, Object> replay = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-")) {
                replay.headers().add(header);
            }
        }
        return replay;
    }
}
