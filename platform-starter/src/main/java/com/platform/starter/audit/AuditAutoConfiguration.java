package com.platform.starter.audit;

import java.time.Clock;

import com.platform.starter.outbox.Outbox;
import com.platform.starter.outbox.OutboxAutoConfiguration;
import com.platform.starter.support.PeriodicTask;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** The tamper-evident audit trail (X2) and, when {@code platform.audit.trail} names it, its auditor endpoints. */
@AutoConfiguration(after = {OutboxAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcTemplate jdbc, JsonMapper jsonMapper, Clock clock, AuditProperties properties,
            PlatformTransactionManager transactionManager,
            @Value("${spring.application.name:platform-service}") String applicationName) {
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new AuditTrail(jdbc, jsonMapper, clock, "system:" + applicationName, properties.chains(), own);
    }

    @Bean
    AuditSealer auditSealer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            ObjectProvider<Outbox> outbox, JsonMapper jsonMapper, Clock clock, AuditProperties properties,
            @Value("${spring.application.name:platform-service}") String applicationName) {
        return new AuditSealer(jdbc, new TransactionTemplate(transactionManager), outbox.getIfAvailable(), jsonMapper,
                clock, trailName(properties, applicationName), properties.anchorTopic());
    }

    @Bean
    PeriodicTask auditCheckpoints(AuditSealer sealer, AuditProperties properties) {
        return new PeriodicTask("audit-checkpoints", properties.checkpointInterval(), sealer::seal);
    }

    @Bean
    AuditLog auditLog(JdbcTemplate jdbc, JsonMapper jsonMapper, AuditProperties properties,
            ObjectProvider<KafkaProperties> kafkaProperties,
            @Value("${spring.application.name:platform-service}") String applicationName) {
        KafkaProperties kafka = kafkaProperties.getIfAvailable();
        AuditAnchor anchor = properties.anchorTopic() == null || kafka == null ? null
                : new AuditAnchor(kafka.buildConsumerProperties(), jsonMapper, properties.anchorTopic(), 100_000);
        return new AuditLog(jdbc, jsonMapper, trailName(properties, applicationName), anchor);
    }

    private static String trailName(AuditProperties properties, String applicationName) {
        return properties.trail() != null ? properties.trail() : applicationName;
    }

    @Bean
    @ConditionalOnProperty("platform.audit.trail")
    AuditController auditController(AuditLog auditLog) {
        return new AuditController(auditLog);
    }
}
