package com.platform.risk.reviewcase;

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

/** Review cases; rows are mapped here only. */
@Repository
public class ReviewCases {

    private final JdbcTemplate jdbc;

    ReviewCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ReviewCase c) {
        jdbc.update("""
                insert into review_case (id, assessment_id, transaction_id, payer_id, partner_id, status, opened_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, c.id(), c.assessmentId(), c.transactionId(), c.payerId(), c.partnerId(), c.status().name(),
                Timestamp.from(c.openedAt()));
    }

    Optional<ReviewCase> find(UUID id) {
        return jdbc.query("select * from review_case where id = ?", ReviewCases::row, id).stream().findFirst();
    }

    Optional<ReviewCase> findForUpdate(UUID id) {
        return jdbc.query("select * from review_case where id = ? for update", ReviewCases::row, id).stream()
                .findFirst();
    }

    void update(ReviewCase c) {
        jdbc.update("""
                update review_case set status = ?, owner = ?, taken_at = ?, decision = ?, fraud_confirmed = ?,
                    reason = ?, decided_by = ?, decided_at = ? where id = ?
                """, c.status().name(), c.owner(), ts(c.takenAt()), c.decision() == null ? null : c.decision().name(),
                c.fraudConfirmed(), c.reason(), c.decidedBy(), ts(c.decidedAt()), c.id());
    }

    record Filter(ReviewCase.Status status, String owner, UUID payerId, UUID transactionId) {
    }

    List<ReviewCase> page(Filter filter, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("select * from review_case" + where + " order by opened_at, id limit ? offset ?",
                ReviewCases::row, args.toArray());
    }

    long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("select count(*) from review_case" + where(filter, args), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    private static String where(Filter f, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (f.status() != null) {
            clauses.add("status = ?");
            args.add(f.status().name());
        }
        if (f.owner() != null) {
            clauses.add("owner = ?");
            args.add(f.owner());
        }
        if (f.payerId() != null) {
            clauses.add("payer_id = ?");
            args.add(f.payerId());
        }
        if (f.transactionId() != null) {
            clauses.add("transaction_id = ?");
            args.add(f.transactionId());
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

    private static ReviewCase row(ResultSet rs, int i) throws SQLException {
        String decision = rs.getString("decision");
        return new ReviewCase(rs.getObject("id", UUID.class), rs.getObject("assessment_id", UUID.class),
                rs.getObject("transaction_id", UUID.class), rs.getObject("payer_id", UUID.class),
                rs.getObject("partner_id", UUID.class), ReviewCase.Status.valueOf(rs.getString("status")),
                rs.getString("owner"), instant(rs, "opened_at"), instant(rs, "taken_at"),
                decision == null ? null : ReviewCase.Decision.valueOf(decision),
                (Boolean) rs.getObject("fraud_confirmed"), rs.getString("reason"), rs.getString("decided_by"),
                instant(rs, "decided_at"));
    }
}
