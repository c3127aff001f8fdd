package com.platform.starter.db;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Runs the starter's own tables' migrations (their own history, see {@link PlatformMigrations}) before each
 * service's migrations. A service that needs its own {@link FlywayMigrationStrategy} calls
 * {@link PlatformMigrations#migrate(Flyway)} from it instead of {@code flyway.migrate()}.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass({Flyway.class, FlywayMigrationStrategy.class})
public class PlatformMigrationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformMigrationsFirst() {
        return PlatformMigrations::migrate;
    }
}
