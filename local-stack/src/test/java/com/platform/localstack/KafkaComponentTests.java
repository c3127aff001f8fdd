package com.platform.localstack;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The broker as {@code ./platform up} starts it: healthy only once its topics exist, and it creates no others. */
class KafkaComponentTests {

    @Test
    void isHealthyWithEveryPlatformTopicAndRefusesToCreateOthersOnFirstUse(@TempDir Path home) throws Exception {
        StackLayout layout = StackLayout.isolated(Path.of(".."), home, Map.of("KAFKA_PORT", freePort(),
                "KAFKA_CONTROLLER_PORT", freePort()));
        Files.createDirectories(layout.logs());
        ChildProcess kafka = new Components(layout, Secrets.load(layout)).kafka();
        kafka.start();
        try {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> kafka.healthy() || kafka.exited());
            assertThat(kafka.exited()).as("kafka exited: %s", Files.readString(layout.log("kafka"))).isFalse();

            String bootstrap = "localhost:" + layout.kafkaPort();
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin client = Admin.create(admin)) {
                Map<String, TopicDescription> topics = client.describeTopics(KafkaTopics.all().keySet())
                        .allTopicNames().get(10, TimeUnit.SECONDS);
                assertThat(topics.get("platform.users.v1").partitions()).hasSize(KafkaTopics.EVENT_PARTITIONS);
                assertThat(topics.get("platform.transactions.v1.dlt").partitions())
                        .hasSize(KafkaTopics.DEAD_LETTER_PARTITIONS);
                // the gateway reads the partner quotas from the beginning: the broker keeps each partner's last one
                assertThat(topics.get("platform.partner-quotas.v1").partitions())
                        .hasSize(KafkaTopics.EVENT_PARTITIONS);
                ConfigResource quotas = new ConfigResource(ConfigResource.Type.TOPIC, "platform.partner-quotas.v1");
                assertThat(client.describeConfigs(List.of(quotas)).all().get(10, TimeUnit.SECONDS).get(quotas)
                        .get("cleanup.policy").value()).isEqualTo("compact");
                ConfigResource users = new ConfigResource(ConfigResource.Type.TOPIC, "platform.users.v1");
                assertThat(client.describeConfigs(List.of(users)).all().get(10, TimeUnit.SECONDS).get(users)
                        .get("cleanup.policy").value()).isEqualTo("delete");
            }

            Properties producer = new Properties();
            producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
            try (KafkaProducer<String, String> client = new KafkaProducer<>(producer, new StringSerializer(),
                    new StringSerializer())) {
                assertThatThrownBy(() -> client.send(new ProducerRecord<>("platform.userz.v1", "typo")).get(5,
                        TimeUnit.SECONDS)).isInstanceOfAny(ExecutionException.class,
                        org.apache.kafka.common.errors.TimeoutException.class)
                        .hasMessageContaining("platform.userz.v1");
            }
        }
        finally {
            kafka.stop();
        }
    }

    private static String freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
