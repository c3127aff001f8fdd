package com.platform.starter.consumer;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.platform.starter.support.PeriodicTask;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** Idempotent consumers, retries with back-off, the dead-letter topic and its replay (X1). */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        KafkaAutoConfiguration.class})
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties(ConsumerProperties.class)
public class ConsumerAutoConfiguration {

    @Bean
    IdempotentConsumer idempotentConsumer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new IdempotentConsumer(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    CloudEvents cloudEvents(JsonMapper jsonMapper) {
        return new CloudEvents(jsonMapper);
    }

    /** Sends dead letters and replays: keys and values as they came (String or bytes). */
    @Bean(destroyMethod = "destroy")
    DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory(KafkaProperties kafkaProperties,
            @Value("${spring.application.name:platform-service}") String applicationName) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-dead-letters");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        Map<Class<?>, Serializer<?>> byType = new HashMap<>();
        byType.put(String.class, new StringSerializer());
        byType.put(byte[].class, new ByteArraySerializer());
        return new DefaultKafkaProducerFactory<>(config, new DelegatingByTypeSerializer(byType),
                new DelegatingByTypeSerializer(byType));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler platformKafkaErrorHandler(DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory,
            ConsumerProperties properties) {
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(deadLetterProducerFactory);
        // Same key on <topic>.dlt: the partitioner places it; order among dead letters of one key is kept.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + DeadLetterReplayer.DLT_SUFFIX, -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // Retrying cannot fix a record that is not a valid event: park it at once, the partition moves on.
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(KafkaProperties kafkaProperties,
            DefaultKafkaProducerFactory<Object, Object> deadLetterProducerFactory,
            @Value("${spring.application.name:platform-service}") String applicationName) {
        String defaultGroup = kafkaProperties.getConsumer().getGroupId() != null
                ? kafkaProperties.getConsumer().getGroupId() : applicationName;
        return new DeadLetterReplayer(kafkaProperties.buildConsumerProperties(),
                new KafkaTemplate<>(deadLetterProducerFactory), defaultGroup);
    }

    /** Boot puts it on every listener container: a replay reaches only the group that parked the event. */
    @Bean
    @ConditionalOnMissingBean(RecordFilterStrategy.class)
    ReplayedForAnotherGroupFilter replayedForAnotherGroupFilter() {
        return new ReplayedForAnotherGroupFilter();
    }

    /** Commits the offsets of dropped records too, so that another group's replay never shows up as lag. */
    @Bean
    static BeanPostProcessor acknowledgeDiscardedRecords() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
                    factory.setAckDiscarded(true);
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplayer replayer) {
        return new DeadLetterEndpoint(replayer);
    }

    /** Forgets processed event ids and consumed sequences older than the retention, once an hour. */
    @Bean
    PeriodicTask processedEventPurge(JdbcTemplate jdbc, ConsumerProperties properties) {
        return new PeriodicTask("processed-event-purge", Duration.ofHours(1),
                () -> {
                    Timestamp cutoff = Timestamp.from(Instant.now().minus(properties.processedRetention()));
                    jdbc.update("delete from processed_event where processed_at < ?", cutoff);
                    jdbc.update("delete from consumed_sequence where updated_at < ?", cutoff);
                });
    }
}
