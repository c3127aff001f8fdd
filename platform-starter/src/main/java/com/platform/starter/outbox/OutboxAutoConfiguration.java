package com.platform.starter.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.platform.starter.support.PeriodicTask;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** The transactional outbox and its relay (X1). */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        KafkaAutoConfiguration.class})
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock platformClock() {
        return Clock.systemUTC();
    }

    @Bean
    TraceContext outboxTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContext(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, JsonMapper jsonMapper, TraceContext traceContext, Clock clock) {
        return new Outbox(jdbc, jsonMapper, traceContext, clock);
    }

    @Bean(destroyMethod = "close")
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            KafkaProperties kafkaProperties, JsonMapper jsonMapper, OutboxProperties properties,
            @Value("${spring.application.name:platform-service}") String applicationName, MeterRegistry meters) {
        OutboxProperties effective = properties.source() != null ? properties
                : new OutboxProperties("/" + applicationName, properties.relayEnabled(), properties.pollInterval(),
                        properties.batchSize(), properties.maxBackoff(), properties.sendTimeout(),
                        properties.retention(), properties.purgeInterval());
        OutboxRelay relay = new OutboxRelay(jdbc, new TransactionTemplate(transactionManager),
                relayTemplate(kafkaProperties.buildProducerProperties(), effective, applicationName), jsonMapper,
                effective);
        Gauge.builder("platform.outbox.pending", relay, OutboxRelay::pendingCount)
                .description("Events recorded but not yet acknowledged by Kafka")
                .register(meters);
        return relay;
    }

    @Bean
    @ConditionalOnProperty(name = "platform.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelayRunner outboxRelayRunner(OutboxRelay relay, OutboxProperties properties) {
        return new OutboxRelayRunner(relay, properties);
    }

    @Bean
    PeriodicTask outboxPurge(OutboxRelay relay, OutboxProperties properties) {
        return new PeriodicTask("outbox-purge", properties.purgeInterval(), relay::purgePublished);
    }

    /**
     * The relay's own producer: whatever the service configures for its other producers, the outbox needs
     * idempotence with {@code acks=all} (no duplicates or reordering from retries) and bounded blocking.
     */
    static KafkaTemplate<String, String> relayTemplate(Map<String, Object> producerProperties,
            OutboxProperties properties, String applicationName) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        int timeout = (int) properties.sendTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        // delivery timeout >= linger + request timeout, or the producer refuses to start
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, Math.min(timeout / 2, 5_000)));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new StringSerializer());
        return new KafkaTemplate<>(factory);
    }
}
