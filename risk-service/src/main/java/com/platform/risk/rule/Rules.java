package com.platform.risk.rule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.RuleMode;

/** Rules and their versions; rows are mapped here only. */
@Repository
public class Rules {

    private static final String VERSION_COLUMNS = """
            id, rule_id, version, name, description, expression, score, action, mode, status, author, created_at,
            approved_by, approved_at""";

    private final JdbcTemplate jdbc;

    Rules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rule with its row locked until the transaction ends (the lock order: the rule first). */
    Optional<Rule> findForUpdate(UUID id) {
        List<Object[]> rows = jdbc.query("select id, created_at, created_by from rule where id = ? for update",
                (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)}, id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(Rule.restore((UUID) row[0], (Instant) row[1], (String) row[2], versionsOf(id)));
    }

    public Optional<Rule> find(UUID id) {
        List<Object[]> rows = jdbc.query("select id, created_at, created_by from rule where id = ?",
                (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)}, id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(Rule.restore((UUID) row[0], (Instant) row[1], (String) row[2], versionsOf(id)));
    }

    private List<RuleVersion> versionsOf(UUID ruleId) {
        return jdbc.query("select " + VERSION_COLUMNS + " from rule_version where rule_id = ? order by version",
                Rules::version, ruleId);
    }

    void save(Rule rule, boolean isNew) {
        if (isNew) {
            jdbc.update("insert into rule (id, created_at, created_by) values (?, ?, ?)", rule.id(),
                    Timestamp.from(rule.createdAt()), rule.createdBy());
        }
        // statuses first, so that the partial unique indexes (one ACTIVE, one PENDING) hold after each statement
        List<RuleVersion> changed = new ArrayList<>(rule.changed());
        changed.sort((a, b) -> Integer.compare(rank(a.status()), rank(b.status())));
        for (RuleVersion v : changed) {
            jdbc.update("""
                    insert into rule_version (id, rule_id, version, name, description, expression, score, action,
                                              mode, status, author, created_at, approved_by, approved_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set status = excluded.status, approved_by = excluded.approved_by,
                                                   approved_at = excluded.approved_at
                    """, v.id(), v.ruleId(), v.version(), v.name(), v.description(), v.expression(), v.score(),
                    v.action().name(), v.mode().name(), v.status().name(), v.author(),
                    Timestamp.from(v.createdAt()), v.approvedBy(),
                    v.approvedAt() == null ? null : Timestamp.from(v.approvedAt()));
        }
    }

    /** Versions leaving ACTIVE/PENDING are written before the ones entering it. */
    private static int rank(RuleVersion.Status status) {
        return switch (status) {
            case SUPERSEDED, WITHDRAWN -> 0;
            case ACTIVE -> 1;
            case PENDING_APPROVAL -> 2;
        };
    }

    /**
     * The generation of the rule set in force: moved in the same transaction as every change of a rule version
     * (a trigger of migration V5), so a new number is visible exactly when the change is.
     */
    public long generation() {
        Long generation = jdbc.queryForObject("select generation from rule_set_generation where id = 1",
                Long.class);
        return generation == null ? 0 : generation;
    }

    /** The versions in force that run: ACTIVE and LIVE or SHADOW, in a stable order. */
    public List<RuleVersion> inForce() {
        return jdbc.query("select " + VERSION_COLUMNS + " from rule_version where status = 'ACTIVE' "
                + "and mode in ('LIVE', 'SHADOW') order by rule_id", Rules::version);
    }

    /** Rules with their versions, newest created first; {@code mode} filters on the version in force. */
    List<Rule> page(RuleMode mode, int limit, long offset) {
        List<Object[]> rows = jdbc.query("""
                select r.id, r.created_at, r.created_by from rule r
                where ?::text is null or exists (select 1 from rule_version v where v.rule_id = r.id
                                                 and v.status = 'ACTIVE' and v.mode = ?::text)
                order by r.created_at desc, r.id limit ? offset ?
                """, (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                rs.getString(3)}, mode == null ? null : mode.name(), mode == null ? null : mode.name(), limit, offset);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RuleVersion>> versions = new LinkedHashMap<>();
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        jdbc.query("select " + VERSION_COLUMNS + " from rule_version where rule_id = any(?) order by version",
                rs -> {
                    RuleVersion v = version(rs, 0);
                    versions.computeIfAbsent(v.ruleId(), k -> new ArrayList<>()).add(v);
                }, (Object) ids.toArray(UUID[]::new));
        return rows.stream().map(r -> Rule.restore((UUID) r[0], (Instant) r[1], (String) r[2],
                versions.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    long count(RuleMode mode) {
        Long count = jdbc.queryForObject("""
                select count(*) from rule r
                where ?::text is null or exists (select 1 from rule_version v where v.rule_id = r.id
                                                 and v.status = 'ACTIVE' and v.mode = ?::text)
                """, Long.class, mode == null ? null : mode.name(), mode == null ? null : mode.name());
        return count == null ? 0 : count;
    }

    private static RuleVersion version(ResultSet rs, int row) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new RuleVersion(rs.getObject("id", UUID.class), rs.getObject("rule_id", UUID.class),
                rs.getInt("version"), rs.getString("name"), rs.getString("description"), rs.getString("expression"),
                rs.getInt("score"), Action.valueOf(rs.getString("action")), RuleMode.valueOf(rs.getString("mode")),
                RuleVersion.Status.valueOf(rs.getString("status")), rs.getString("author"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("approved_by"),
                approvedAt == null ? null : approvedAt.toInstant());
    }
}
