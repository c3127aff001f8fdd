package com.platform.starter.db;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Adds the starter's own tables (outbox, processed events, idempotency keys, audit trail) to each service's Flyway
 * migrations. They are versioned {@code V0_n} so that they run before the service's {@code V1...}; new starter
 * tables get the next {@code V0_n} and services that already migrated need {@code spring.flyway.out-of-order}.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(FlywayConfigurationCustomizer.class)
public class PlatformMigrationsAutoConfiguration {

    static final String LOCATION = "classpath:db/platform";

    @Bean
    FlywayConfigurationCustomizer platformMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
            if (locations.stream().noneMatch(l -> l.getDescriptor().equals(LOCATION))) {
                locations.add(new Location(LOCATION));
            }
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
