package com.platform.risk.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Alerts; rows are mapped here only. */
@Repository
class Alerts {

    private final JdbcTemplate jdbc;

    Alerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Alert> unresolvedForUpdate(UUID indicatorId) {
        return jdbc.query("select * from risk_alert where indicator_id = ? and status <> 'RESOLVED' for update",
                Alerts::row, indicatorId).stream().findFirst();
    }

    Optional<Instant> lastResolvedAt(UUID indicatorId) {
        return jdbc.query("select max(resolved_at) from risk_alert where indicator_id = ? and status = 'RESOLVED'",
                (rs, i) -> rs.getTimestamp(1), indicatorId).stream().filter(t -> t != null)
                .map(Timestamp::toInstant).findFirst();
    }

    Optional<Alert> findForUpdate(UUID id) {
        return jdbc.query("select * from risk_alert where id = ? for update", Alerts::row, id).stream().findFirst();
    }

    void insert(Alert a) {
        jdbc.update("""
                insert into risk_alert (id, indicator_id, metric, scope, level, status, value, threshold, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, a.id(), a.indicatorId(), a.metric().name(), a.scope(), a.level().name(), a.status().name(),
                a.value(), a.threshold(), ts(a.raisedAt()));
    }

    void update(Alert a) {
        jdbc.update("""
                update risk_alert set level = ?, status = ?, value = ?, threshold = ?, escalated_at = ?,
                    acknowledged_by = ?, acknowledged_at = ?, resolved_by = ?, resolved_at = ?, resolution = ?
                where id = ?
                """, a.level().name(), a.status().name(), a.value(), a.threshold(), ts(a.escalatedAt()),
                a.acknowledgedBy(), ts(a.acknowledgedAt()), a.resolvedBy(), ts(a.resolvedAt()), a.resolution(),
                a.id());
    }

    /** Alerts whose latest level or status the risk mailbox has not been told about yet. */
    List<Alert> unnotified() {
        return jdbc.query("""
                select * from risk_alert
                where notified_level is distinct from level
                   or (status = 'RESOLVED' and notified_status is distinct from 'RESOLVED')
                order by raised_at limit 100
                """, Alerts::row);
    }

    /** Marks a notification sent, unless the alert changed meanwhile (then it is sent again). */
    void notified(Alert a) {
        jdbc.update("update risk_alert set notified_level = ?, notified_status = ? where id = ? and level = ? "
                + "and status = ?", a.level().name(), a.status().name(), a.id(), a.level().name(), a.status().name());
    }

    List<Alert> page(Alert.Status status, AlertLevel level, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(status, level, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select * from risk_alert" + where + " order by raised_at desc, id limit ? offset ?",
                Alerts::row, args.toArray());
    }

    long count(Alert.Status status, AlertLevel level) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("select count(*) from risk_alert" + where(status, level, args), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    private static String where(Alert.Status status, AlertLevel level, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (status != null) {
            clauses.add("status = ?");
            args.add(status.name());
        }
        if (level != null) {
            clauses.add("level = ?");
            args.add(level.name());
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Alert row(ResultSet rs, int i) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getObject("indicator_id", UUID.class),
                Metric.valueOf(rs.getString("metric")), rs.getString("scope"),
                AlertLevel.valueOf(rs.getString("level")), Alert.Status.valueOf(rs.getString("status")),
                rs.getBigDecimal("value"), rs.getBigDecimal("threshold"), instant(rs, "raised_at"),
                instant(rs, "escalated_at"), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
                rs.getString("resolved_by"), instant(rs, "resolved_at"), rs.getString("resolution"));
    }
}
