package com.platform.starter.idempotency;

import java.time.Duration;
import java.time.Instant;

import com.platform.starter.problem.ProblemAutoConfiguration;
import com.platform.starter.problem.Problems;
import com.platform.starter.support.PeriodicTask;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Idempotency keys on POSTs (api.md, T4). */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        ProblemAutoConfiguration.class})
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotencyKeyStore idempotencyKeyStore(JdbcTemplate jdbc) {
        return new IdempotencyKeyStore(jdbc);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeyStore store, Problems problems,
            IdempotencyProperties properties, PlatformTransactionManager transactionManager) {
        // One transaction per keyed request: the handler's transactions join it, the response commits with them.
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, problems, properties, new TransactionTemplate(transactionManager)));
        // After Spring Security: keys are scoped to the authenticated caller.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer idempotencyKeyRequiredConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new IdempotencyKeyRequiredInterceptor());
            }
        };
    }

    @Bean
    PeriodicTask idempotencyKeyPurge(IdempotencyKeyStore store, IdempotencyProperties properties) {
        return new PeriodicTask("idempotency-key-purge", Duration.ofMinutes(10), () -> {
            Instant now = Instant.now();
            store.purge(now.minus(properties.retention()), now.minus(properties.abandonAfter()));
        });
    }
}
