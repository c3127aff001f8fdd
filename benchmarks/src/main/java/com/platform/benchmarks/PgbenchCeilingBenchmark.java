package com.platform.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.platform.benchmarks.stack.LocalStackAccess;
import com.platform.benchmarks.stack.RunRecord;

import org.HdrHistogram.Histogram;

/**
 * {@code ./platform bench pgbench-ceiling}: what the local stack's PostgreSQL can commit of the smallest platform
 * write, one row plus its outbox row (the starter's {@code outbox_event} table with its indexes) in one
 * transaction, measured by pgbench (Debian's postgresql-client) at 1, 8 and 32 clients in a scratch database that
 * is dropped after. Latency percentiles from pgbench's per-transaction log, through HdrHistogram. Later write paths
 * state their throughput as a ratio to this ceiling, measured in the same run. Settings: {@code bench.seconds}
 * per client count (15), {@code bench.clients} (1,8,32).
 */
public final class PgbenchCeilingBenchmark {

    static final String DATABASE = "bench_scratch";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private PgbenchCeilingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RunRecord record = new RunRecord("pgbench-ceiling");
        record.markStarted();
        Ceiling ceiling = measure(Integer.getInteger("bench.seconds", 15), Arrays.stream(System.getProperty(
                "bench.clients", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray());
        record.append(ceiling.description(), ceiling.lines());
    }

    /**
     * What pgbench committed per client count, for a record of its own or beside another scenario's figures.
     *
     * @param transactionsPerSecond by client count
     */
    public record Ceiling(String description, List<String> lines, Map<Integer, Double> transactionsPerSecond) {

        /** The highest rate of any client count: the ceiling a write path is compared with. */
        public double best() {
            return transactionsPerSecond.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    /** Runs pgbench at each client count for {@code seconds} in a scratch database that is dropped after. */
    public static Ceiling measure(int seconds, int[] clients) throws Exception {
        int port = LocalStackAccess.postgresPort();
        String base = "jdbc:postgresql://localhost:" + port + "/";
        String settings;
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE);
            statement.execute("create database " + DATABASE);
            settings = setting(statement, "server_version") + ", synchronous_commit=" + setting(statement,
                    "synchronous_commit") + ", fsync=" + setting(statement, "fsync") + ", shared_buffers="
                    + setting(statement, "shared_buffers") + ", max_connections=" + setting(statement,
                    "max_connections");
        }
        Path work = Files.createTempDirectory("pgbench-ceiling");
        List<String> lines = new ArrayList<>();
        Map<Integer, Double> rates = new LinkedHashMap<>();
        lines.add("| clients | transactions/s | latency p50 / p90 / p99 / max ms |");
        lines.add("|---:|---:|---|");
        try {
            try (Connection scratch = DriverManager.getConnection(base + DATABASE, "postgres", "");
                 Statement statement = scratch.createStatement()) {
                statement.execute("create table item (id bigserial primary key, name text not null,"
                        + " created_at timestamptz not null default now())");
                // the starter's V0_1 and V0_5 outbox schema, indexes included
                statement.execute("""
                        create table outbox_event (
                            position bigserial primary key, event_id uuid not null unique, topic text not null,
                            aggregate_type text not null, aggregate_id text not null, event_type text not null,
                            payload text not null, occurred_at timestamptz not null, request_id text,
                            trace_parent text, published_at timestamptz, attempts integer not null default 0,
                            last_error text, aggregate_sequence bigint)""");
                statement.execute("create index outbox_event_unpublished on outbox_event (position)"
                        + " where published_at is null");
                statement.execute("create index outbox_event_published_at on outbox_event (published_at)"
                        + " where published_at is not null");
            }
            Path script = work.resolve("row-plus-outbox.sql");
            Files.writeString(script, """
                    \\set n random(1, 1000000000)
                    BEGIN;
                    INSERT INTO item (name) VALUES ('item ' || :n);
                    INSERT INTO outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at)
                      VALUES (gen_random_uuid(), 'bench.items.v1', 'Item', currval('item_id_seq')::text, 'item.created',
                              '{"id":' || currval('item_id_seq') || ',"name":"item ' || :n || '"}', now());
                    COMMIT;
                    """);
            for (int count : clients) {
                Path logs = Files.createDirectory(work.resolve("c" + count));
                Process pgbench = new ProcessBuilder("pgbench", "-n", "-h", "localhost", "-p", String.valueOf(port),
                        "-U", "postgres", "-c", String.valueOf(count), "-j", String.valueOf(Math.min(count, 2)),
                        "-T", String.valueOf(seconds), "-f", script.toString(), "-l", "--log-prefix",
                        logs.resolve("tx").toString(), DATABASE).redirectErrorStream(true).start();
                String out = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (pgbench.waitFor() != 0) {
                    throw new IllegalStateException("pgbench failed:\n" + out);
                }
                Matcher tps = TPS.matcher(out);
                Histogram latency = latencies(logs);
                String rate = "?";
                if (tps.find()) {
                    rates.put(count, Double.parseDouble(tps.group(1)));
                    rate = String.format("%.0f", rates.get(count));
                }
                lines.add(String.format("| %d | %s | %s |", count, rate, RunRecord.percentiles(latency)));
                System.out.println(lines.get(lines.size() - 1));
            }
        }
        finally {
            try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "");
                 Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + DATABASE);
            }
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return new Ceiling(String.format("pgbench, one transaction = one row + its outbox row (starter schema), %d s"
                + " per client count, pgbench and the server on this machine beside the running stack; server %s."
                + " Scratch database `%s`, dropped after.", seconds, settings, DATABASE), lines, rates);
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** pgbench -l writes one line per transaction: client, number, latency in microseconds, ... */
    private static Histogram latencies(Path logs) throws IOException {
        Histogram histogram = new Histogram(3);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.forEach(line -> {
                        String[] fields = line.split(" ");
                        if (fields.length > 2) {
                            histogram.recordValue(Long.parseLong(fields[2]));
                        }
                    });
                }
            }
        }
        return histogram;
    }
}
