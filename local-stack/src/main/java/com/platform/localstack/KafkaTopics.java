package com.platform.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The platform's topics, created explicitly with their partition counts: the broker does not create topics on
 * first use (a typo in a topic name would otherwise become a new, empty topic that nobody reads). Each service
 * writes to its own topic; the partition count bounds how many instances of a consumer group share the work, and
 * all events of one aggregate stay in one partition (the key is the aggregate id). Dead letters are rare and read
 * by operators: one partition.
 */
final class KafkaTopics {

    static final int EVENT_PARTITIONS = 3;
    static final int DEAD_LETTER_PARTITIONS = 1;

    private KafkaTopics() {
    }

    /** Every topic with its partition count, in the order of {@link PlatformService}. */
    static Map<String, Integer> all() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.all()) {
            topics.put(service.topic, EVENT_PARTITIONS);
            topics.put(service.topic + ".dlt", DEAD_LETTER_PARTITIONS);
        }
        return topics;
    }

    /**
     * Usable, not just listening: the broker answers metadata and every platform topic exists (missing ones are
     * created here, so this is also how the stack creates them).
     */
    static BooleanSupplier ready(int port) {
        BooleanSupplier listening = Health.tcp(port);
        return () -> listening.getAsBoolean() && ensure("localhost:" + port);
    }

    private static boolean ensure(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            Set<String> existing = admin.listTopics().names().get(3, TimeUnit.SECONDS);
            List<NewTopic> missing = all().entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                }
                catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return admin.listTopics().names().get(3, TimeUnit.SECONDS).containsAll(all().keySet());
        }
        catch (ExecutionException | TimeoutException notYet) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
