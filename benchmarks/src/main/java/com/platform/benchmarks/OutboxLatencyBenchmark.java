package com.platform.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.platform.benchmarks.stack.LocalStackAccess;
import com.platform.benchmarks.stack.RunRecord;

import org.HdrHistogram.Histogram;

/**
 * {@code ./platform bench outbox-latency}: commit-to-consumer latency of an event one service produces and another
 * consumes, on the running local stack. The pair: risk-service's outbox ({@code platform.risk.v1}) and
 * user-service's idempotent consumer {@code user-service.violations}, which records a {@code risk.case-decided}
 * event without confirmed fraud in its {@code processed_event} table and does nothing else. risk-service has no
 * use case writing that event yet, so the benchmark commits the outbox rows itself, one per transaction, at a
 * steady rate, exactly as a use case's transaction would leave them; risk-service's relay and user-service's
 * listener are the real ones. Latency: {@code processed_event.processed_at} (the consumer's transaction) minus
 * {@code outbox_event.occurred_at} (the producing commit), both from the one PostgreSQL server's clock, so no
 * clock skew; split at {@code published_at} (the relay's acknowledged send). The probe rows are removed after.
 * Settings: {@code bench.seconds} (30), {@code bench.eventRate} (events per second, 20).
 */
public final class OutboxLatencyBenchmark {

    static final String CONSUMER = "user-service.violations";
    static final String PROBE_TYPE = "BenchmarkProbe";

    private OutboxLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RunRecord record = new RunRecord("outbox-latency");
        record.markStarted();
        int seconds = Integer.getInteger("bench.seconds", 30);
        int rate = Integer.getInteger("bench.eventRate", 20);
        String base = "jdbc:postgresql://localhost:" + LocalStackAccess.postgresPort() + "/";
        List<String> ids = new ArrayList<>();
        try (Connection risk = DriverManager.getConnection(base + "risk", "postgres", "");
             Connection users = DriverManager.getConnection(base + "users", "postgres", "")) {
            try (PreparedStatement insert = risk.prepareStatement("""
                    insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, payload,
                                              occurred_at)
                    values (?::uuid, 'platform.risk.v1', ?, ?, 'risk.case-decided', ?, clock_timestamp())""")) {
                long start = System.nanoTime();
                long interval = TimeUnit.SECONDS.toNanos(1) / rate;
                for (int i = 0; i < seconds * rate; i++) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String id = UUID.randomUUID().toString();
                    String caseId = UUID.randomUUID().toString();
                    insert.setString(1, id);
                    insert.setString(2, PROBE_TYPE);
                    insert.setString(3, caseId);
                    insert.setString(4, "{\"caseId\":\"" + caseId + "\",\"payerId\":\"" + UUID.randomUUID()
                            + "\",\"fraudConfirmed\":false,\"reason\":\"benchmark probe\"}");
                    insert.executeUpdate();
                    ids.add(id);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long processed = 0;
            while (System.nanoTime() < deadline && (processed = count(users, ids)) < ids.size()) {
                Thread.sleep(500);
            }
            Histogram total = new Histogram(3);
            Histogram relay = new Histogram(3);
            Histogram consume = new Histogram(3);
            java.util.Map<String, long[]> produced = new java.util.HashMap<>();
            try (PreparedStatement query = risk.prepareStatement("""
                    select event_id::text, (extract(epoch from occurred_at) * 1e6)::bigint,
                           (extract(epoch from published_at) * 1e6)::bigint
                    from outbox_event where aggregate_type = ?""")) {
                query.setString(1, PROBE_TYPE);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        produced.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
                    }
                }
            }
            try (PreparedStatement query = users.prepareStatement("""
                    select event_id, (extract(epoch from processed_at) * 1e6)::bigint from processed_event
                    where consumer = ? and event_id = any (?)""")) {
                query.setString(1, CONSUMER);
                query.setArray(2, users.createArrayOf("text", ids.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long[] times = produced.get(rows.getString(1));
                        long at = rows.getLong(2);
                        total.recordValue(Math.max(0, at - times[0]));
                        relay.recordValue(Math.max(0, times[1] - times[0]));
                        consume.recordValue(Math.max(0, at - times[1]));
                    }
                }
            }
            try (Statement cleanup = risk.createStatement()) {
                cleanup.executeUpdate("delete from outbox_event where aggregate_type = '" + PROBE_TYPE + "'");
            }
            try (PreparedStatement cleanup = users.prepareStatement(
                    "delete from processed_event where consumer = ? and event_id = any (?)")) {
                cleanup.setString(1, CONSUMER);
                cleanup.setArray(2, users.createArrayOf("text", ids.toArray()));
                cleanup.executeUpdate();
            }
            record.append(String.format("risk-service outbox row committed (one per transaction, %d events/s for %d s)"
                    + " -> relay -> Kafka -> user-service's idempotent consumer `%s` records it in processed_event;"
                    + " %d of %d events processed within 60 s of the last commit.", rate, seconds, CONSUMER,
                    processed, ids.size()), List.of(
                    "| part | p50 / p90 / p99 / max ms |",
                    "|---|---|",
                    "| commit -> consumer's processed_event (total) | " + RunRecord.percentiles(total) + " |",
                    "| commit -> relay's acknowledged send (published_at) | " + RunRecord.percentiles(relay) + " |",
                    "| published_at -> consumer's processed_event | " + RunRecord.percentiles(consume) + " |"));
        }
    }

    private static long count(Connection users, List<String> ids) throws Exception {
        try (PreparedStatement query = users.prepareStatement(
                "select count(*) from processed_event where consumer = ? and event_id = any (?)")) {
            query.setString(1, CONSUMER);
            query.setArray(2, users.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
