package com.platform.gateway.partnerquota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the quota topic into {@link PartnerQuotas}: on start from the beginning of every partition (assigned, not
 * subscribed: no consumer group and no committed offsets, so every gateway instance holds the whole view), then
 * follows it. One plain Kafka consumer on its own thread; requests never wait for it.
 * <p>
 * The start waits up to {@code initialLoadTimeout} for the whole topic to be read, so that a partner whose quota is
 * 0 cannot slip through in the first seconds; then the gateway serves whatever the feed has. With the broker
 * unreachable the feed keeps trying (the consumer reconnects on its own) and catches up when it answers; meanwhile
 * partners not heard of get the default. A record that cannot be read is skipped with one log line naming its
 * partition, offset and what is wrong (never its content), and the feed goes on.
 */
public class PartnerQuotaFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartnerQuotaFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /** What the health indicator shows; replaced as a whole by the feed thread. */
    public record State(boolean loaded, Instant lastContact, long lag, int partitions, long applied, long skipped,
            Boolean compacted, String problem) {
    }

    private final PartnerQuotaProperties properties;
    private final PartnerQuotas quotas;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CountDownLatch loaded = new CountDownLatch(1);

    private volatile State state = new State(false, null, -1, 0, 0, 0, null, "not started");
    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, String> consumer;

    // feed thread only
    private Map<TopicPartition, Long> loadTarget = Map.of();
    private List<TopicPartition> assigned = List.of();
    private Instant lastCheck = Instant.EPOCH;
    private Instant lastContact;
    private long lag = -1;
    private long applied;
    private long skipped;
    private boolean caughtUp;
    private String problem = "not connected yet";
    private Boolean reachable;
    private Boolean compacted;

    public PartnerQuotaFeed(PartnerQuotaProperties properties, PartnerQuotas quotas, Clock clock) {
        this.properties = properties;
        this.quotas = quotas;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("partner-quota-feed").start(this::run);
        try {
            if (!loaded.await(properties.initialLoadTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Partner quotas not loaded from {} within {}; serving with the default quota for partners not "
                        + "heard of until the broker answers", properties.topic(), properties.initialLoadTimeout());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread feed = thread;
        if (feed != null) {
            try {
                feed.join(Duration.ofSeconds(10));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server (which starts in a later phase), stops after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** The view is current: the whole topic was read once and the broker answered within {@code staleAfter}. */
    public boolean isCurrent() {
        State now = state;
        return now.loaded() && now.lastContact() != null
                && now.lastContact().plus(properties.staleAfter()).isAfter(clock.instant());
    }

    public State state() {
        return state;
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-partner-quotas-" + UUID.randomUUID().toString()
                .substring(0, 8));
        // assigned partitions, offsets kept in memory only: every instance reads everything
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT.toMillis());
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        // a topic that does not exist yet is not created on our account
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return config;
    }

    private void run() {
        while (running && consumer == null) {
            try {
                consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer());
            }
            catch (KafkaException e) {
                // e.g. no bootstrap address resolves yet (a container name before its container exists)
                failed(e);
                pause();
            }
        }
        if (consumer == null) {
            return;
        }
        try (KafkaConsumer<String, String> feed = consumer) {
            while (running) {
                try {
                    step(feed);
                }
                catch (WakeupException e) {
                    // stop() woke the consumer
                }
                catch (RuntimeException e) {
                    failed(e);
                    pause();
                }
            }
        }
        catch (RuntimeException e) {
            log.debug("Partner quota consumer closed with {}", e.getClass().getSimpleName());
        }
    }

    /** One WARN when the broker stops answering (the class only: a message may name hosts), one INFO when back. */
    private void failed(RuntimeException e) {
        if (!Boolean.FALSE.equals(reachable)) {
            log.warn("Kafka for the partner quotas does not answer ({}); keeping the quotas known so far and trying "
                    + "again", e.getClass().getSimpleName());
        }
        reachable = false;
        problem = "broker does not answer (" + e.getClass().getSimpleName() + ")";
        publish();
    }

    private void answered() {
        lastContact = clock.instant();
        if (Boolean.FALSE.equals(reachable)) {
            log.info("Kafka for the partner quotas answers again");
        }
        reachable = true;
        problem = null;
    }

    private void step(KafkaConsumer<String, String> feed) {
        if (assigned.isEmpty()) {
            assign(feed);
            if (assigned.isEmpty()) {
                pause();
                return;
            }
        }
        for (ConsumerRecord<String, String> record : feed.poll(POLL)) {
            apply(record);
        }
        Instant now = clock.instant();
        if (!caughtUp && reached(feed, loadTarget)) {
            caughtUp = true;
            loaded.countDown();
            log.info("Partner quotas loaded from {}: {} partners", properties.topic(), quotas.size());
        }
        if (!now.isBefore(lastCheck.plus(CHECK_INTERVAL))) {
            lastCheck = now;
            check(feed);
        }
        publish();
    }

    private void assign(KafkaConsumer<String, String> feed) {
        List<PartitionInfo> partitions = feed.partitionsFor(properties.topic(), METADATA_TIMEOUT);
        answered();
        if (partitions == null || partitions.isEmpty()) {
            problem = "topic " + properties.topic() + " does not exist";
            publish();
            log.debug("Topic {} does not exist yet; waiting for it", properties.topic());
            return;
        }
        List<TopicPartition> all = partitions.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        feed.assign(all);
        feed.seekToBeginning(all);
        loadTarget = feed.endOffsets(all, METADATA_TIMEOUT);
        assigned = all;
        log.info("Reading partner quotas from the beginning of {} ({} partitions)", properties.topic(), all.size());
        compacted = isCompacted();
        if (Boolean.FALSE.equals(compacted)) {
            log.warn("Topic {} is not compacted (cleanup.policy): the broker will delete old records and every gateway "
                    + "started afterwards forgets the quotas of partners whose last change is older than the "
                    + "retention; create it with cleanup.policy=compact (docs/events.md)", properties.topic());
        }
    }

    /** Whether the topic keeps each partner's last record; null when the broker does not say (e.g. no right to). */
    private Boolean isCompacted() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT.toMillis());
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, properties.topic());
        try (Admin admin = Admin.create(config)) {
            ConfigEntry policy = admin.describeConfigs(List.of(topic)).all()
                    .get(METADATA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG);
            return policy != null && policy.value() != null && policy.value().contains(
                    TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("Could not read the settings of {}: {}", properties.topic(), e.getClass().getSimpleName());
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Asks the broker how far the partitions go: proves it answers, measures the lag, notices added partitions. */
    private void check(KafkaConsumer<String, String> feed) {
        Map<TopicPartition, Long> ends = feed.endOffsets(assigned, METADATA_TIMEOUT);
        answered();
        long behind = 0;
        for (TopicPartition partition : assigned) {
            behind += Math.max(0, ends.getOrDefault(partition, 0L) - feed.position(partition, METADATA_TIMEOUT));
        }
        lag = behind;
        List<PartitionInfo> now = feed.partitionsFor(properties.topic(), METADATA_TIMEOUT);
        if (now != null && now.size() > assigned.size()) {
            List<TopicPartition> all = now.stream().map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            List<TopicPartition> added = all.stream().filter(partition -> !assigned.contains(partition)).toList();
            feed.assign(all);
            feed.seekToBeginning(added);
            assigned = all;
            log.info("Topic {} has {} partitions now; reading the new ones from the beginning", properties.topic(),
                    all.size());
        }
    }

    private boolean reached(KafkaConsumer<String, String> feed, Map<TopicPartition, Long> target) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : assigned) {
            positions.put(partition, feed.position(partition, METADATA_TIMEOUT));
        }
        return target.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    private void apply(ConsumerRecord<String, String> record) {
        QuotaRecord read = QuotaRecord.read(json, record.key(), record.value());
        switch (read) {
            case QuotaRecord.Malformed malformed -> {
                skipped++;
                log.warn("Skipped record {}-{}@{} of the partner quotas: {}", record.topic(), record.partition(),
                        record.offset(), malformed.reason());
            }
            case QuotaRecord.Other other -> log.debug("Ignored {} at {}-{}@{}", other.type(), record.topic(),
                    record.partition(), record.offset());
            default -> {
                if (quotas.apply(read, record.offset())) {
                    applied++;
                }
                else {
                    log.debug("Record {}-{}@{} is older than the quota applied; ignored", record.topic(),
                            record.partition(), record.offset());
                }
            }
        }
    }

    private void publish() {
        state = new State(caughtUp, lastContact, lag, assigned.size(), applied, skipped, compacted, problem);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
