package com.platform.risk.register;

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

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The register's rows; mapped here only. */
@Repository
class RiskRegister {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RiskRegister(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Review(UUID id, UUID riskId, String reviewedBy, Instant reviewedAt, String notes, int likelihood,
            int impact, int residualLikelihood, int residualImpact, RiskLevel level, RiskLevel residualLevel) {
    }

    void insert(RegisteredRisk r) {
        RiskRating a = r.rating();
        jdbc.update("""
                insert into register_risk (id, title, category, description, owner, likelihood, impact, level,
                    strategy, controls, contingency_plan, residual_likelihood, residual_impact, residual_level,
                    last_reviewed_at, next_review_due, created_by, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, r.id(), r.title(), r.category().name(), r.description(), r.owner(), a.likelihood(), a.impact(),
                a.level().name(), a.strategy().name(), json.writeValueAsString(r.controls()), a.contingencyPlan(),
                a.residualLikelihood(), a.residualImpact(), a.residualLevel().name(), ts(r.lastReviewedAt()),
                ts(r.nextReviewDue()), r.createdBy(), ts(r.createdAt()), ts(r.updatedAt()), r.version());
    }

    void update(RegisteredRisk r) {
        RiskRating a = r.rating();
        jdbc.update("""
                update register_risk set title = ?, category = ?, description = ?, owner = ?, likelihood = ?,
                    impact = ?, level = ?, strategy = ?, controls = ?::jsonb, contingency_plan = ?,
                    residual_likelihood = ?, residual_impact = ?, residual_level = ?, last_reviewed_at = ?,
                    next_review_due = ?, updated_at = ?, version = ?
                where id = ?
                """, r.title(), r.category().name(), r.description(), r.owner(), a.likelihood(), a.impact(),
                a.level().name(), a.strategy().name(), json.writeValueAsString(r.controls()), a.contingencyPlan(),
                a.residualLikelihood(), a.residualImpact(), a.residualLevel().name(), ts(r.lastReviewedAt()),
                ts(r.nextReviewDue()), ts(r.updatedAt()), r.version(), r.id());
    }

    Optional<RegisteredRisk> find(UUID id, boolean forUpdate) {
        return jdbc.query("select * from register_risk where id = ?" + (forUpdate ? " for update" : ""), this::row,
                id).stream().findFirst();
    }

    void insertReview(Review v) {
        jdbc.update("""
                insert into register_review (id, risk_id, reviewed_by, reviewed_at, notes, likelihood, impact,
                    residual_likelihood, residual_impact, level, residual_level)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, v.id(), v.riskId(), v.reviewedBy(), ts(v.reviewedAt()), v.notes(), v.likelihood(), v.impact(),
                v.residualLikelihood(), v.residualImpact(), v.level().name(), v.residualLevel().name());
    }

    List<Review> reviews(UUID riskId) {
        return jdbc.query("select * from register_review where risk_id = ? order by reviewed_at", (rs, i) ->
                new Review(rs.getObject("id", UUID.class), rs.getObject("risk_id", UUID.class),
                        rs.getString("reviewed_by"), rs.getTimestamp("reviewed_at").toInstant(), rs.getString("notes"),
                        rs.getInt("likelihood"), rs.getInt("impact"), rs.getInt("residual_likelihood"),
                        rs.getInt("residual_impact"), RiskLevel.valueOf(rs.getString("level")),
                        RiskLevel.valueOf(rs.getString("residual_level"))), riskId);
    }

    record Filter(RiskCategory category, RiskLevel level, Boolean overdue, Instant now) {
    }

    List<RegisteredRisk> page(Filter filter, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select * from register_risk" + where + " order by next_review_due, id limit ? offset ?",
                this::row, args.toArray());
    }

    long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("select count(*) from register_risk" + where(filter, args), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    private static String where(Filter f, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (f.category() != null) {
            clauses.add("category = ?");
            args.add(f.category().name());
        }
        if (f.level() != null) {
            clauses.add("residual_level = ?");
            args.add(f.level().name());
        }
        if (f.overdue() != null) {
            clauses.add(f.overdue() ? "next_review_due < ?" : "next_review_due >= ?");
            args.add(ts(f.now()));
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private RegisteredRisk row(ResultSet rs, int i) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("last_reviewed_at");
        RiskRating rating = new RiskRating(rs.getInt("likelihood"), rs.getInt("impact"),
                Strategy.valueOf(rs.getString("strategy")), rs.getString("contingency_plan"),
                rs.getInt("residual_likelihood"), rs.getInt("residual_impact"));
        return new RegisteredRisk(rs.getObject("id", UUID.class), rs.getString("title"),
                RiskCategory.valueOf(rs.getString("category")), rs.getString("description"), rs.getString("owner"),
                json.readValue(rs.getString("controls"), STRINGS), rating,
                reviewed == null ? null : reviewed.toInstant(), rs.getTimestamp("next_review_due").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
