package com.platform.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.platform.starter.audit.AuditLog;
import com.platform.starter.audit.AuditTrail;
import com.platform.starter.db.PlatformMigrations;
import com.platform.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Audited writes per second at 1, 8 and 32 concurrent writers, each write one transaction with one audit entry,
 * on embedded PostgreSQL: "before" is the single chain behind one advisory lock (the previous AuditTrail's SQL,
 * reproduced here on the schema it ran on), "after" is the striped {@link AuditTrail}. Then the time to verify
 * everything written. A main, not a test: run it on demand (docs/performance.md), never in CI.
 * Arguments: seconds per run (10), modes in order ({@code before,after}; {@code verify-million} fills a trail to
 * a million entries and times its verification).
 */
public final class AuditWriteBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int[] WRITERS = {1, 8, 32};

    private AuditWriteBenchmark() {
    }

    interface Appender {
        void append(String actor, String targetId);
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        // e.g. "before,after,before,after": alternating runs show how much the machine's other load moves them
        List<String> modes = List.of((args.length > 1 ? args[1] : "before,after").split(","));
        Duration warmUp = Duration.ofSeconds(3);
        System.out.printf("audited writes per second (%d s per run after %d s warm-up, %d cores)%n",
                measure.toSeconds(), warmUp.toSeconds(), Runtime.getRuntime().availableProcessors());
        for (int run = 0; run < modes.size(); run++) {
            String mode = modes.get(run);
            if (mode.equals("verify-million")) {
                verifyMillion();
                continue;
            }
            try (HikariDataSource dataSource = dataSource("audit_bench_" + mode + "_" + run)) {
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
                TransactionTemplate transaction = new TransactionTemplate(manager);
                Appender appender;
                if (mode.equals("before")) {
                    // the schema the single-chain trail ran on
                    Flyway.configure().dataSource(dataSource).locations(PlatformMigrations.LOCATION)
                            .table(PlatformMigrations.HISTORY_TABLE).target("0.5").load().migrate();
                    appender = (actor, targetId) -> appendSingleChain(jdbc, actor, targetId);
                }
                else {
                    Flyway.configure().dataSource(dataSource).locations(PlatformMigrations.LOCATION)
                            .table(PlatformMigrations.HISTORY_TABLE).load().migrate();
                    TransactionTemplate own = new TransactionTemplate(manager);
                    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                    AuditTrail trail = new AuditTrail(jdbc, JSON, Clock.systemUTC(), "system:benchmark", 16, own);
                    appender = (actor, targetId) -> trail.recordAs(actor, "thing.changed", "thing", targetId,
                            Map.of("status", "OLD"), Map.of("status", "NEW"));
                }
                for (int writers : WRITERS) {
                    run(transaction, appender, writers, warmUp);
                    long writes = run(transaction, appender, writers, measure);
                    System.out.printf("%-6s %2d writers: %8.0f writes/s%n", mode, writers,
                            writes / (double) measure.toMillis() * 1000);
                }
                if (mode.equals("after")) {
                    long entries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
                    long start = System.nanoTime();
                    AuditLog.Verification verification = new AuditLog(jdbc, JSON, "benchmark", null).verify();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("after  verify: %d entries in %d chains, valid=%s, %.1f s (%.0f entries/s)%n",
                            entries, verification.chains(), verification.valid(), seconds, entries / seconds);
                }
            }
        }
        System.exit(0);
    }

    /** Fills a trail to a million entries (8 writers, 10 entries per transaction), then times one verification. */
    private static void verifyMillion() throws Exception {
        try (HikariDataSource dataSource = dataSource("audit_bench_million")) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
            Flyway.configure().dataSource(dataSource).locations(PlatformMigrations.LOCATION)
                    .table(PlatformMigrations.HISTORY_TABLE).load().migrate();
            TransactionTemplate own = new TransactionTemplate(manager);
            own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            AuditTrail trail = new AuditTrail(jdbc, JSON, Clock.systemUTC(), "system:benchmark", 16, own);
            TransactionTemplate transaction = new TransactionTemplate(manager);
            long target = 1_000_000;
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    String actor = "writer-" + w;
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < target / 80; i++) {
                            transaction.executeWithoutResult(status -> {
                                for (int e = 0; e < 10; e++) {
                                    trail.recordAs(actor, "thing.changed", "thing", UUID.randomUUID().toString(),
                                            Map.of("status", "OLD"), Map.of("status", "NEW"));
                                }
                            });
                        }
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get();
                }
            }
            long entries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
            System.out.printf("million: wrote %d entries in %.0f s%n", entries, (System.nanoTime() - start) / 1e9);
            for (int round = 1; round <= 2; round++) {
                long verifyStart = System.nanoTime();
                AuditLog.Verification verification = new AuditLog(jdbc, JSON, "benchmark", null).verify();
                double seconds = (System.nanoTime() - verifyStart) / 1e9;
                System.out.printf("million verify %d: %d entries in %d chains, valid=%s, %.1f s (%.0f entries/s)%n",
                        round, verification.entries(), verification.chains(), verification.valid(), seconds,
                        verification.entries() / seconds);
            }
        }
    }

    private static HikariDataSource dataSource(String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.jdbcUrl(database));
        config.setUsername(TestDatabase.username());
        config.setPassword("");
        config.setMaximumPoolSize(40);
        return new HikariDataSource(config);
    }

    private static long run(TransactionTemplate transaction, Appender appender, int writers, Duration duration)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> counts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                String actor = "writer-" + w;
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (!stop.get()) {
                        String target = UUID.randomUUID().toString();
                        transaction.executeWithoutResult(status -> appender.append(actor, target));
                        n++;
                    }
                    return n;
                }));
            }
            Thread.sleep(duration.toMillis());
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        }
    }

    /** The previous AuditTrail.recordAs: one advisory lock for the whole trail, the next seq after the newest. */
    private static void appendSingleChain(JdbcTemplate jdbc, String actor, String targetId) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, 0x6175646974L);
        List<Object[]> last = jdbc.query("select seq, hash from audit_entry order by seq desc limit 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long seq = last.isEmpty() ? 1 : (long) last.get(0)[0] + 1;
        String prevHash = last.isEmpty() ? "0".repeat(64) : (String) last.get(0)[1];
        UUID entryId = UUID.randomUUID();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String before = JSON.writeValueAsString(Map.of("status", "OLD"));
        String after = JSON.writeValueAsString(Map.of("status", "NEW"));
        String hash = sha256(JSON.writeValueAsString(Arrays.asList(seq, entryId.toString(), occurredAt.toString(),
                actor, "thing.changed", "thing", targetId, before, after, null, prevHash)));
        jdbc.update("""
                insert into audit_entry (seq, entry_id, occurred_at, actor, action, target_type, target_id,
                                         before_state, after_state, request_id, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, seq, entryId, Timestamp.from(occurredAt), actor, "thing.changed", "thing", targetId, before,
                after, null, prevHash, hash);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
