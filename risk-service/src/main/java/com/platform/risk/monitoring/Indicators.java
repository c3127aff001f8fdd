package com.platform.risk.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Indicators, their value history and the observations they count; rows are mapped here only. */
@Repository
class Indicators {

    private final JdbcTemplate jdbc;

    Indicators(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Value(Instant computedAt, BigDecimal value, long numerator, Long denominator) {
    }

    void insert(Indicator i) {
        jdbc.update("""
                insert into indicator (id, name, metric, scope, window_duration, window_seconds, warning_threshold,
                    critical_threshold, auto_resolve, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, i.id(), i.name(), i.metric().name(), i.scope(), i.window().toString(), i.window().toSeconds(),
                i.warningThreshold(), i.criticalThreshold(), i.autoResolve(), i.createdBy(),
                Timestamp.from(i.createdAt()));
    }

    Optional<Indicator> find(UUID id) {
        return jdbc.query("select * from indicator where id = ?", Indicators::row, id).stream().findFirst();
    }

    List<Indicator> page(int limit, long offset) {
        return jdbc.query("select * from indicator order by created_at, id limit ? offset ?", Indicators::row, limit,
                offset);
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from indicator", Long.class);
        return count == null ? 0 : count;
    }

    /** Indicators not computed within {@code interval}: what a run of the job has to do. */
    List<UUID> due(Instant now, Duration interval) {
        return jdbc.queryForList("select id from indicator where last_computed_at is null or last_computed_at <= ? "
                + "order by id", UUID.class, Timestamp.from(now.minus(interval)));
    }

    /**
     * The indicator locked for this computation, if it is still due and no other instance is computing it (skip
     * locked): several instances share the work without computing an indicator twice.
     */
    Optional<Indicator> claim(UUID id, Instant now, Duration interval) {
        return jdbc.query("""
                select * from indicator where id = ? and (last_computed_at is null or last_computed_at <= ?)
                for update skip locked
                """, Indicators::row, id, Timestamp.from(now.minus(interval))).stream().findFirst();
    }

    /** The metric over {@code [now - window, now)}. */
    Value compute(Indicator indicator, Instant now) {
        Instant from = now.minus(indicator.window());
        UUID partner = indicator.partnerId();
        long[] counts = switch (indicator.metric()) {
            case REJECTION_RATE -> assessments("decision = 'REJECT'", partner, from, now);
            case REVIEW_RATE -> assessments("decision = 'REVIEW'", partner, from, now);
            case TRANSACTION_VOLUME -> new long[] {observed("'TRANSACTION_CREATED'", partner, from, now), -1};
            case VIOLATIONS -> new long[] {observed("'VIOLATION'", partner, from, now), -1};
            case PAYMENT_FAILURE_RATE -> new long[] {observed("'PAYMENT_FAILED'", partner, from, now),
                    observed("'PAYMENT_FAILED', 'PAYMENT_SUCCEEDED'", partner, from, now)};
            case DISPUTE_RATE -> new long[] {observed("'DISPUTE_OPENED'", partner, from, now),
                    observed("'TRANSACTION_CREATED'", partner, from, now)};
        };
        if (counts[1] < 0) {
            return new Value(now, BigDecimal.valueOf(counts[0]).setScale(4), counts[0], null);
        }
        BigDecimal value = counts[1] == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(counts[0]).divide(BigDecimal.valueOf(counts[1]), 4, RoundingMode.HALF_UP);
        return new Value(now, value, counts[0], counts[1]);
    }

    private long[] assessments(String condition, UUID partner, Instant from, Instant to) {
        return jdbc.queryForObject("select count(*) filter (where " + condition + "), count(*) from assessment "
                + "where assessed_at >= ? and assessed_at < ? and (?::uuid is null or partner_id = ?::uuid)",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, Timestamp.from(from), Timestamp.from(to),
                partner, partner);
    }

    private long observed(String kinds, UUID partner, Instant from, Instant to) {
        Long count = jdbc.queryForObject("select count(*) from kri_observation where kind in (" + kinds + ") "
                + "and occurred_at >= ? and occurred_at < ? and (?::uuid is null or partner_id = ?::uuid)", Long.class,
                Timestamp.from(from), Timestamp.from(to), partner, partner);
        return count == null ? 0 : count;
    }

    void record(Indicator indicator, Value value) {
        jdbc.update("insert into indicator_value (indicator_id, computed_at, value, numerator, denominator) "
                + "values (?, ?, ?, ?, ?)", indicator.id(), Timestamp.from(value.computedAt()), value.value(),
                value.numerator(), value.denominator());
        jdbc.update("update indicator set last_computed_at = ? where id = ?", Timestamp.from(value.computedAt()),
                indicator.id());
    }

    List<Value> values(UUID id, Instant from, Instant to, int limit, long offset) {
        return jdbc.query("""
                select computed_at, value, numerator, denominator from indicator_value
                where indicator_id = ? and computed_at >= ? and computed_at < ?
                order by computed_at desc limit ? offset ?
                """, (rs, i) -> new Value(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2), rs.getLong(3),
                (Long) rs.getObject(4)), id, Timestamp.from(from), Timestamp.from(to), limit, offset);
    }

    long countValues(UUID id, Instant from, Instant to) {
        Long count = jdbc.queryForObject("select count(*) from indicator_value where indicator_id = ? "
                + "and computed_at >= ? and computed_at < ?", Long.class, id, Timestamp.from(from), Timestamp.from(to));
        return count == null ? 0 : count;
    }

    void observe(String eventId, String kind, UUID partnerId, Instant occurredAt) {
        jdbc.update("insert into kri_observation (event_id, kind, partner_id, occurred_at) values (?, ?, ?, ?) "
                + "on conflict do nothing", eventId, kind, partnerId, Timestamp.from(occurredAt));
    }

    private static Indicator row(ResultSet rs, int i) throws SQLException {
        Timestamp computed = rs.getTimestamp("last_computed_at");
        return new Indicator(rs.getObject("id", UUID.class), rs.getString("name"),
                Metric.valueOf(rs.getString("metric")), rs.getString("scope"),
                Duration.parse(rs.getString("window_duration")), rs.getBigDecimal("warning_threshold"),
                rs.getBigDecimal("critical_threshold"), rs.getBoolean("auto_resolve"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), computed == null ? null : computed.toInstant());
    }
}
