package com.platform.user.violation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.platform.starter.paging.PageQuery;

/** Violations and their appeals in PostgreSQL. */
@Repository
public class Violations {

    private final JdbcClient jdbc;

    Violations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Violation v) {
        jdbc.sql("""
                insert into violation (id, user_id, type, severity, fraud, description, evidence, source,
                       source_reference, recorded_by, recorded_at, penalty_kind, penalty_until, penalty_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(v.id(), v.userId(), v.type(), v.severity().name(), v.fraud(), v.description(),
                        v.evidence().orElse(null), v.source().name(), v.sourceReference().orElse(null),
                        v.recordedBy(), Timestamp.from(v.recordedAt()), v.penaltyKind().name(),
                        v.penaltyUntil().map(Timestamp::from).orElse(null), v.penaltyState().name())
                .update();
    }

    void update(Violation v) {
        jdbc.sql("""
                update violation set penalty_state = ?, penalty_ended_at = ?, overturned = ?, overturn_reason = ?
                 where id = ?
                """)
                .params(v.penaltyState().name(), v.penaltyEndedAt().map(Timestamp::from).orElse(null),
                        v.overturned(), v.overturnReason().orElse(null), v.id())
                .update();
    }

    Optional<Violation> findForUpdate(UUID id) {
        return jdbc.sql("select * from violation where id = ? for update").param(id).query(this::map).optional();
    }

    boolean existsFromSource(Violation.Source source, String reference) {
        return jdbc.sql("select count(*) from violation where source = ? and source_reference = ?")
                .params(source.name(), reference).query(Long.class).single() > 0;
    }

    public List<Violation> ofUser(UUID userId, PageQuery page) {
        return jdbc.sql("select * from violation where user_id = ? order by recorded_at desc, id limit ? offset ?")
                .params(userId, page.size(), page.offset()).query(this::map).list();
    }

    public List<Violation> allOfUser(UUID userId) {
        return jdbc.sql("select * from violation where user_id = ? order by recorded_at").param(userId)
                .query(this::map).list();
    }

    public long countOfUser(UUID userId) {
        return jdbc.sql("select count(*) from violation where user_id = ?").param(userId).query(Long.class).single();
    }

    List<PastViolation> history(UUID userId) {
        return jdbc.sql("select * from violation where user_id = ?").param(userId).query(this::map).list().stream()
                .map(Violation::asPast).toList();
    }

    List<PenaltyKind> penaltiesInForce(UUID userId) {
        return jdbc.sql("select penalty_kind from violation where user_id = ? and penalty_state = 'ACTIVE'")
                .param(userId).query((rs, i) -> PenaltyKind.valueOf(rs.getString(1))).list();
    }

    List<UUID> usersWithPenaltiesDue(Instant now, int limit) {
        return jdbc.sql("""
                select distinct user_id from violation
                 where penalty_state = 'ACTIVE' and penalty_until <= ? limit ?
                """).params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    List<Violation> activeOfUserForUpdate(UUID userId) {
        return jdbc.sql("select * from violation where user_id = ? and penalty_state = 'ACTIVE' for update")
                .param(userId).query(this::map).list();
    }

    void insert(Appeal a) {
        jdbc.sql("""
                insert into appeal (id, violation_id, user_id, reason, status, filed_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(a.id(), a.violationId(), a.userId(), a.reason(), a.status().name(),
                Timestamp.from(a.filedAt())).update();
    }

    void update(Appeal a) {
        jdbc.sql("update appeal set status = ?, decided_by = ?, decision_reason = ?, decided_at = ? where id = ?")
                .params(a.status().name(), a.decidedBy().orElse(null), a.decisionReason().orElse(null),
                        a.decidedAt().map(Timestamp::from).orElse(null), a.id())
                .update();
    }

    Optional<Appeal> findAppeal(UUID id) {
        return jdbc.sql("select * from appeal where id = ?").param(id).query(this::mapAppeal).optional();
    }

    Optional<Appeal> findAppealForUpdate(UUID id) {
        return jdbc.sql("select * from appeal where id = ? for update").param(id).query(this::mapAppeal).optional();
    }

    public Optional<Appeal> appealOf(UUID violationId) {
        return jdbc.sql("select * from appeal where violation_id = ?").param(violationId).query(this::mapAppeal)
                .optional();
    }

    public List<Appeal> appeals(Appeal.Status status, PageQuery page) {
        return jdbc.sql("select * from appeal where status = ? order by filed_at, id limit ? offset ?")
                .params(status.name(), page.size(), page.offset()).query(this::mapAppeal).list();
    }

    public long countAppeals(Appeal.Status status) {
        return jdbc.sql("select count(*) from appeal where status = ?").param(status.name()).query(Long.class)
                .single();
    }

    public List<Appeal> appealsOfUser(UUID userId) {
        return jdbc.sql("select * from appeal where user_id = ? order by filed_at").param(userId)
                .query(this::mapAppeal).list();
    }

    private Violation map(ResultSet rs, int row) throws SQLException {
        return Violation.restore(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("type"), Severity.valueOf(rs.getString("severity")), rs.getBoolean("fraud"),
                rs.getString("description"), rs.getString("evidence"),
                Violation.Source.valueOf(rs.getString("source")), rs.getString("source_reference"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                PenaltyKind.valueOf(rs.getString("penalty_kind")), instant(rs.getTimestamp("penalty_until")),
                Violation.PenaltyState.valueOf(rs.getString("penalty_state")),
                instant(rs.getTimestamp("penalty_ended_at")), rs.getBoolean("overturned"),
                rs.getString("overturn_reason"));
    }

    private Appeal mapAppeal(ResultSet rs, int row) throws SQLException {
        return Appeal.restore(rs.getObject("id", UUID.class), rs.getObject("violation_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("reason"),
                Appeal.Status.valueOf(rs.getString("status")), rs.getTimestamp("filed_at").toInstant(),
                rs.getString("decided_by"), rs.getString("decision_reason"), instant(rs.getTimestamp("decided_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
