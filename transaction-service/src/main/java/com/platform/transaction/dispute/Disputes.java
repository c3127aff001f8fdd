package com.platform.transaction.dispute;

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

import com.platform.transaction.money.Money;

/** Disputes in PostgreSQL. */
@Repository
class Disputes {

    private static final String COLUMNS = "d.id, d.transaction_id, d.payer_id, d.partner_id, d.status, d.reason, "
            + "d.description, d.evidence, d.opened_at, d.due_at, d.outcome, d.refund_minor, d.resolution_reason, "
            + "d.abusive, d.resolved_by, d.resolved_at, d.version, t.currency";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Disputes(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Dispute d) {
        jdbc.update("""
                insert into dispute (id, transaction_id, payer_id, partner_id, status, reason, description, evidence,
                                     opened_at, due_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 1)
                """, d.id(), d.transactionId(), d.payerId(), d.partnerId(), d.status().name(), d.reason(),
                d.description(), json.writeValueAsString(d.evidence()), ts(d.openedAt()), ts(d.dueAt()));
    }

    void update(Dispute d) {
        jdbc.update("""
                update dispute set status = ?, outcome = ?, refund_minor = ?, resolution_reason = ?, abusive = ?,
                    resolved_by = ?, resolved_at = ?, version = version + 1
                where id = ?
                """, d.status().name(), d.outcome() == null ? null : d.outcome().name(),
                d.refund() == null ? null : d.refund().minor(), d.resolutionReason(), d.abusive(), d.resolvedBy(),
                ts(d.resolvedAt()), d.id());
    }

    Optional<Dispute> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from dispute d join transaction t on t.id = d.transaction_id"
                + " where d.id = ?", this::map, id).stream().findFirst();
    }

    Optional<Dispute> lock(UUID id) {
        return jdbc.query("select " + COLUMNS + " from dispute d join transaction t on t.id = d.transaction_id"
                + " where d.id = ? for update of d", this::map, id).stream().findFirst();
    }

    record Filter(String payerId, UUID partnerId, Dispute.Status status, UUID transactionId, Boolean overdue,
            Instant now) {
    }

    record Page(List<Dispute> items, long total) {
    }

    Page search(Filter filter, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (filter.payerId() != null) {
            where.append(" and d.payer_id = ?");
            args.add(filter.payerId());
        }
        if (filter.partnerId() != null) {
            where.append(" and d.partner_id = ?");
            args.add(filter.partnerId());
        }
        if (filter.status() != null) {
            where.append(" and d.status = ?");
            args.add(filter.status().name());
        }
        if (filter.transactionId() != null) {
            where.append(" and d.transaction_id = ?");
            args.add(filter.transactionId());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and d.status = 'OPEN' and d.due_at < ?"
                    : " and not (d.status = 'OPEN' and d.due_at < ?)");
            args.add(ts(filter.now()));
        }
        String from = " from dispute d join transaction t on t.id = d.transaction_id";
        Long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(offset);
        List<Dispute> items = jdbc.query("select " + COLUMNS + from + where
                + " order by d.opened_at desc, d.id limit ? offset ?", this::map, pageArgs.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    private Dispute map(ResultSet rs, int i) throws SQLException {
        String currency = rs.getString("currency");
        long refund = rs.getLong("refund_minor");
        Money refundMoney = rs.wasNull() ? null : Money.ofMinor(refund, currency);
        String outcome = rs.getString("outcome");
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        Boolean abusive = (Boolean) rs.getObject("abusive");
        return new Dispute(rs.getObject("id", UUID.class), rs.getObject("transaction_id", UUID.class),
                rs.getString("payer_id"), rs.getObject("partner_id", UUID.class),
                Dispute.Status.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("description"),
                json.readValue(rs.getString("evidence"), new TypeReference<List<String>>() { }),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                outcome == null ? null : Dispute.Outcome.valueOf(outcome), refundMoney,
                rs.getString("resolution_reason"), abusive, rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant(), rs.getLong("version"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
