package com.platform.starter.audit;

import java.time.Clock;

import com.platform.starter.outbox.OutboxAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** The tamper-evident audit trail (X2) and, when {@code platform.audit.trail} names it, its auditor endpoints. */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnBean(JdbcTemplate.class)
public class AuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcTemplate jdbc, JsonMapper jsonMapper, Clock clock,
            @Value("${spring.application.name:platform-service}") String applicationName) {
        return new AuditTrail(jdbc, jsonMapper, clock, "system:" + applicationName);
    }

    @Bean
    AuditLog auditLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        return new AuditLog(jdbc, readOnly);
    }

    @Bean
    @ConditionalOnProperty("platform.audit.trail")
    AuditController auditController(AuditLog auditLog) {
        return new AuditController(auditLog);
    }
}
