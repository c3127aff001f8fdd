package com.platform.starter.db;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the starter's own migrations ({@code classpath:db/platform}: outbox, processed events, idempotency keys,
 * audit trail, ...) with their own Flyway history table, {@value #HISTORY_TABLE}, before the service's migrations
 * and their {@code flyway_schema_history}. The two histories are independent, so a new starter migration never
 * needs out-of-order migrations in a service, whatever versions the service has reached.
 *
 * <p>Databases migrated by earlier versions recorded the starter's {@code V0_n} scripts in the service's history.
 * On the first run with this class their highest version becomes the baseline of the platform history (their
 * tables exist), later starter migrations apply on top, and the {@code V0_n} rows leave the service's history
 * (whose validation would otherwise miss their scripts). Each step is idempotent, so an interrupted run repeats.
 *
 * <p>On a fresh database the service's history table does not exist yet while the platform tables already do;
 * Flyway refuses a non-empty schema without history, so the service's history starts with a baseline at version
 * {@code 0} (below every service migration), unless the service configured a baseline itself.
 */
public final class PlatformMigrations {

    private static final Logger log = LoggerFactory.getLogger(PlatformMigrations.class);

    public static final String LOCATION = "classpath:db/platform";
    public static final String HISTORY_TABLE = "flyway_platform_history";

    private PlatformMigrations() {
    }

    /** Migrates the starter's tables, then the service's (with the service's own Flyway configuration). */
    public static void migrate(Flyway service) {
        Configuration config = service.getConfiguration();
        JdbcTemplate jdbc = new JdbcTemplate(config.getDataSource());
        String schema = schema(config, jdbc);
        String serviceHistory = qualified(schema, config.getTable());
        boolean serviceHistoryExists = tableExists(jdbc, schema, config.getTable());
        boolean platformHistoryExists = tableExists(jdbc, schema, HISTORY_TABLE);

        Flyway platform = platformFlyway(config, null);
        Set<String> starterScripts = Stream.of(platform.info().all()).map(MigrationInfo::getScript)
                .collect(Collectors.toSet());
        List<String> legacyVersions = !serviceHistoryExists ? List.of() : jdbc.query(
                "select version, script from " + serviceHistory + " where success and version is not null",
                (rs, i) -> starterScripts.contains(rs.getString("script")) ? rs.getString("version") : "")
                .stream().filter(v -> !v.isEmpty()).toList();

        if (!platformHistoryExists && !legacyVersions.isEmpty()) {
            String baseline = legacyVersions.stream().map(MigrationVersion::fromVersion)
                    .max(Comparator.naturalOrder()).orElseThrow().getVersion();
            log.info("Starter migrations up to {} were recorded in {}: baselining {} there", baseline,
                    config.getTable(), HISTORY_TABLE);
            platform = platformFlyway(config, baseline);
        }
        else if (!platformHistoryExists) {
            // Non-empty schema without any platform history (tables of the service only): apply every migration.
            platform = platformFlyway(config, "0");
        }
        platform.migrate();

        if (!legacyVersions.isEmpty()) {
            jdbc.update("delete from " + serviceHistory + " where success and script in ("
                    + String.join(",", starterScripts.stream().map(s -> "?").toList()) + ")",
                    starterScripts.toArray());
        }

        if (!serviceHistoryExists && !config.isBaselineOnMigrate()) {
            Flyway.configure(config.getClassLoader()).configuration(config)
                    .baselineOnMigrate(true).baselineVersion("0")
                    .baselineDescription("platform tables exist (" + HISTORY_TABLE + ")")
                    .load().migrate();
        }
        else {
            service.migrate();
        }
    }

    private static Flyway platformFlyway(Configuration service, String baselineVersion) {
        var platform = Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .schemas(service.getSchemas())
                .createSchemas(service.isCreateSchemas())
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .placeholderReplacement(false)
                .connectRetries(service.getConnectRetries());
        if (service.getDefaultSchema() != null) {
            platform.defaultSchema(service.getDefaultSchema());
        }
        if (baselineVersion != null) {
            platform.baselineOnMigrate(true).baselineVersion(baselineVersion)
                    .baselineDescription("starter migrations up to " + baselineVersion + " applied before "
                            + HISTORY_TABLE);
        }
        return platform.load();
    }

    private static String schema(Configuration config, JdbcTemplate jdbc) {
        if (config.getDefaultSchema() != null) {
            return config.getDefaultSchema();
        }
        if (config.getSchemas().length > 0) {
            return config.getSchemas()[0];
        }
        return jdbc.queryForObject("select current_schema()", String.class);
    }

    private static boolean tableExists(JdbcTemplate jdbc, String schema, String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from information_schema.tables where table_schema = ? and table_name = ?)",
                Boolean.class, schema, table));
    }

    private static String qualified(String schema, String table) {
        return "\"" + schema.replace("\"", "\"\"") + "\".\"" + table.replace("\"", "\"\"") + "\"";
    }
}
