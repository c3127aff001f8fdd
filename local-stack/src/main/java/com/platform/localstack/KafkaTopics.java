package com.platform.localstack;

import java.util.Collection;
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
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The platform's topics, created explicitly with their partition counts: the broker does not create topics on
 * first use (a typo in a topic name would otherwise become a new, empty topic that nobody reads). Each service
 * writes to its own topic; the partition count bounds how many instances of a consumer group share the work, and
 * all events of one aggregate stay in one partition (the key is the aggregate id). Dead letters are rare and read
 * by operators: one partition.
 * <p>
 * {@value #PARTNER_QUOTAS} is the exception to "one topic per service": partner-service writes each partner's
 * current API quota there (key partnerId) and every gateway instance reads all of it from the beginning, so it is
 * compacted (the broker keeps at least the last record of each partner, for ever). 3 partitions like the event
 * topics: no consumer group shares it, so the count only spreads the keys; no dead-letter topic, since its only
 * reader skips what it cannot read.
 */
final class KafkaTopics {

    static final int EVENT_PARTITIONS = 3;
    static final int DEAD_LETTER_PARTITIONS = 1;
    static final String PARTNER_QUOTAS = "platform.partner-quotas.v1";

    private KafkaTopics() {
    }

    /** Every topic with its partition count, in the order of {@link PlatformService}. */
    static Map<String, Integer> all() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.all()) {
            topics.put(service.topic, EVENT_PARTITIONS);
            topics.put(service.topic + ".dlt", DEAD_LETTER_PARTITIONS);
        }
        topics.put(PARTNER_QUOTAS, EVENT_PARTITIONS);
        return topics;
    }

    /** Topic settings that differ from the broker's defaults. */
    static Map<String, Map<String, String>> configs() {
        return Map.of(PARTNER_QUOTAS, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
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
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)
                            .configs(configs().getOrDefault(topic.getKey(), Map.of())))
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
            if (!admin.listTopics().names().get(3, TimeUnit.SECONDS).containsAll(all().keySet())) {
                return false;
            }
            configure(admin);
            return true;
        }
        catch (ExecutionException | TimeoutException notYet) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A topic that exists from before with other settings (e.g. created by hand) gets the ones it needs. */
    private static void configure(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        List<ConfigResource> resources = configs().keySet().stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get(3, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (ConfigResource resource : resources) {
            List<AlterConfigOp> ops = configs().get(resource.name()).entrySet().stream()
                    .filter(wanted -> current.get(resource).get(wanted.getKey()) == null
                            || !wanted.getValue().equals(current.get(resource).get(wanted.getKey()).value()))
                    .map(wanted -> new AlterConfigOp(new ConfigEntry(wanted.getKey(), wanted.getValue()),
                            AlterConfigOp.OpType.SET))
                    .toList();
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(10, TimeUnit.SECONDS);
        }
    }
}
