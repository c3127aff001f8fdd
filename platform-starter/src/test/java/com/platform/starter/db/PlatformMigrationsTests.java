package com.platform.starter.db;

import java.util.List;

import javax.sql.DataSource;

import com.platform.testsupport.TestDatabase;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's migrations keep their own history: on a fresh database, and on a database where an earlier
 * version recorded them in the service's {@code flyway_schema_history} (a developer's {@code .platform} data).
 */
class PlatformMigrationsTests {

    private static final String SERVICE_MIGRATIONS = "classpath:db/migration";

    private static DataSource database(String name) {
        return new DriverManagerDataSource(TestDatabase.jdbcUrl(name), TestDatabase.username(), "");
    }

    /** The service's Flyway as Spring Boot configures it from platform-defaults.yml. */
    private static Flyway serviceFlyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(SERVICE_MIGRATIONS).load();
    }

    private static List<String> versions(JdbcTemplate jdbc, String table, String type) {
        return jdbc.queryForList("select version from " + table + " where type = ? and success order by installed_rank",
                String.class, type);
    }

    private static List<String> starterVersions() {
        return java.util.stream.Stream.of(Flyway.configure().locations(PlatformMigrations.LOCATION)
                        .dataSource(database("starter_migrations_scripts")).load().info().all())
                .map(info -> info.getVersion().getVersion()).toList();
    }

    @Test
    void freshDatabaseGetsTheStarterTablesInTheirOwnHistoryBeforeTheServiceTables() {
        DataSource dataSource = database("starter_migrations_fresh");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        PlatformMigrations.migrate(serviceFlyway(dataSource));

        assertThat(versions(jdbc, PlatformMigrations.HISTORY_TABLE, "SQL")).isEqualTo(starterVersions())
                .contains("0.1", "0.5");
        assertThat(versions(jdbc, "flyway_schema_history", "SQL")).containsExactly("1", "2");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from thing", Integer.class)).isZero();

        // a restart changes nothing and both histories validate
        PlatformMigrations.migrate(serviceFlyway(dataSource));
        assertThat(versions(jdbc, "flyway_schema_history", "SQL")).containsExactly("1", "2");
        assertThat(serviceFlyway(dataSource).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void databaseWhoseServiceHistoryHoldsTheStarterMigrationsIsBaselinedAndGetsTheNewOnes() {
        DataSource dataSource = database("starter_migrations_existing");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // What the earlier starter did: its V0_1..V0_4 in the service's own history, then the service's V1, V2.
        Flyway.configure().dataSource(dataSource).locations(PlatformMigrations.LOCATION, SERVICE_MIGRATIONS)
                .target("0.4").load().migrate();
        Flyway.configure().dataSource(dataSource).locations(SERVICE_MIGRATIONS)
                .ignoreMigrationPatterns("*:missing").load().migrate();
        jdbc.update("""
                insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at)
                values (gen_random_uuid(), 't', 'thing', 'a-1', 'thing.created', '{}', now())
                """);
        assertThat(versions(jdbc, "flyway_schema_history", "SQL")).containsExactly("0.1", "0.2", "0.3", "0.4", "1",
                "2");

        PlatformMigrations.migrate(serviceFlyway(dataSource));

        assertThat(versions(jdbc, PlatformMigrations.HISTORY_TABLE, "BASELINE")).containsExactly("0.4");
        assertThat(versions(jdbc, PlatformMigrations.HISTORY_TABLE, "SQL"))
                .isEqualTo(starterVersions().stream().filter(v -> org.flywaydb.core.api.MigrationVersion.fromVersion(v).isNewerThan("0.4")).toList())
                .contains("0.5");
        assertThat(versions(jdbc, "flyway_schema_history", "SQL")).containsExactly("1", "2");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where aggregate_id = 'a-1'", Integer.class))
                .as("data kept").isOne();
        assertThat(jdbc.queryForObject("select count(*) from consumed_sequence", Integer.class)).isZero();

        PlatformMigrations.migrate(serviceFlyway(dataSource));
        assertThat(versions(jdbc, PlatformMigrations.HISTORY_TABLE, "BASELINE")).containsExactly("0.4");
        assertThat(serviceFlyway(dataSource).validateWithResult().validationSuccessful).isTrue();
    }
}
