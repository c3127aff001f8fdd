package com.platform.transaction.transaction;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.platform.transaction.money.Money;

/** Transactions and their transition history in PostgreSQL; the one place that maps them to rows. */
@Repository
public class Transactions {

    private static final String COLUMNS = """
            id, payer_id, partner_id, type, status, amount_minor, currency, refunded_minor, description, details,
            commission_rate, fulfilment_days, agreement_id, agreement_version, risk_decision, risk_score,
            assessment_id, risk_case_id, risk_reasons, steps, last_payment_failure, disputed, status_reason,
            created_at, updated_at, decided_at, confirmed_at, paid_at, fulfilment_due_at, fulfilled_at, settled_at,
            cancelled_at, refunded_at, version
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public Transactions(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Transaction transaction) {
        Transaction.Row r = transaction.row();
        jdbc.update("insert into transaction (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                r.id(), r.payerId(), r.partnerId(), r.type().name(), r.status().name(), r.amount().minor(),
                r.amount().currency(), r.refunded().minor(), r.description(),
                r.details() == null ? null : json.writeValueAsString(r.details()), r.terms().commissionRate(),
                r.terms().fulfilmentDays(), r.terms().agreementId(), r.terms().agreementVersion(),
                r.risk().decision(), r.risk().score(), r.risk().assessmentId(), r.risk().caseId(),
                json.writeValueAsString(r.risk().reasons()), json.writeValueAsString(r.steps()),
                r.lastPaymentFailure(), r.disputed(), r.statusReason(), ts(r.createdAt()), ts(r.updatedAt()),
                ts(r.decidedAt()), ts(r.confirmedAt()), ts(r.paidAt()), ts(r.fulfilmentDueAt()), ts(r.fulfilledAt()),
                ts(r.settledAt()), ts(r.cancelledAt()), ts(r.refundedAt()));
        transaction.versionSaved(1);
        appendTransitions(transaction);
    }

    /** Writes the mutable part; the row was locked by {@link #lock}, the version guards against lost updates. */
    public void update(Transaction transaction) {
        Transaction.Row r = transaction.row();
        int updated = jdbc.update("""
                update transaction set status = ?, refunded_minor = ?, last_payment_failure = ?, disputed = ?,
                    status_reason = ?, updated_at = ?, decided_at = ?, confirmed_at = ?, paid_at = ?,
                    fulfilment_due_at = ?, fulfilled_at = ?, settled_at = ?, cancelled_at = ?, refunded_at = ?,
                    version = version + 1
                where id = ? and version = ?
                """, r.status().name(), r.refunded().minor(), r.lastPaymentFailure(), r.disputed(), r.statusReason(),
                ts(r.updatedAt()), ts(r.decidedAt()), ts(r.confirmedAt()), ts(r.paidAt()), ts(r.fulfilmentDueAt()),
                ts(r.fulfilledAt()), ts(r.settledAt()), ts(r.cancelledAt()), ts(r.refundedAt()), r.id(),
                r.version());
        if (updated != 1) {
            throw new OptimisticLockingFailureException("transaction " + r.id() + " changed concurrently");
        }
        transaction.versionSaved(r.version() + 1);
        appendTransitions(transaction);
    }

    private void appendTransitions(Transaction transaction) {
        for (Transaction.Transition t : transaction.takeNewTransitions()) {
            jdbc.update("""
                    insert into transaction_transition (transaction_id, seq, from_status, to_status, occurred_at,
                                                        actor, reason)
                    values (?, (select coalesce(max(seq), 0) + 1 from transaction_transition where transaction_id = ?),
                            ?, ?, ?, ?, ?)
                    """, transaction.id(), transaction.id(), t.from() == null ? null : t.from().name(), t.to().name(),
                    ts(t.at()), t.actor(), t.reason());
        }
    }

    public Optional<Transaction> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from transaction where id = ?", this::map, id).stream().findFirst();
    }

    /** Loads and locks the row until the database transaction ends (the first lock of every use case). */
    public Optional<Transaction> lock(UUID id) {
        return jdbc.query("select " + COLUMNS + " from transaction where id = ? for update", this::map, id).stream()
                .findFirst();
    }

    public List<Transaction.Transition> transitions(UUID id) {
        return jdbc.query("""
                select from_status, to_status, occurred_at, actor, reason from transaction_transition
                where transaction_id = ? order by seq
                """, (rs, i) -> new Transaction.Transition(
                rs.getString(1) == null ? null : TransactionStatus.valueOf(rs.getString(1)),
                TransactionStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getString(5)), id);
    }

    /** Filters of T8; {@code payerId}/{@code partnerId} also carry the caller's scope. */
    public record Filter(String payerId, UUID partnerId, TransactionStatus status, TransactionType type,
            Instant from, Instant to) {
    }

    public record Page(List<Transaction> items, long total) {
    }

    public Page search(Filter filter, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (filter.payerId() != null) {
            where.append(" and payer_id = ?");
            args.add(filter.payerId());
        }
        if (filter.partnerId() != null) {
            where.append(" and partner_id = ?");
            args.add(filter.partnerId());
        }
        if (filter.status() != null) {
            where.append(" and status = ?");
            args.add(filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" and type = ?");
            args.add(filter.type().name());
        }
        if (filter.from() != null) {
            where.append(" and created_at >= ?");
            args.add(ts(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and created_at < ?");
            args.add(ts(filter.to()));
        }
        Long total = jdbc.queryForObject("select count(*) from transaction" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(offset);
        List<Transaction> items = jdbc.query("select " + COLUMNS + " from transaction" + where
                + " order by created_at desc, id limit ? offset ?", this::map, pageArgs.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    /** FULFILLED, undisputed transactions fulfilled before {@code cutoff}, locked, skipping rows others hold. */
    public List<Transaction> lockDueForSettlement(Instant cutoff, int limit) {
        return jdbc.query("select " + COLUMNS + " from transaction where status = 'FULFILLED' and not disputed"
                + " and fulfilled_at <= ? order by fulfilled_at limit ? for update skip locked", this::map,
                ts(cutoff), limit);
    }

    private Transaction map(ResultSet rs, int rowNum) throws SQLException {
        String currency = rs.getString("currency");
        String details = rs.getString("details");
        Map<String, Object> detailMap = details == null ? null
                : json.readValue(details, new TypeReference<Map<String, Object>>() { });
        List<String> reasons = json.readValue(rs.getString("risk_reasons"), new TypeReference<List<String>>() { });
        List<Transaction.Step> steps = json.readValue(rs.getString("steps"),
                new TypeReference<List<Transaction.Step>>() { });
        Integer agreementVersion = (Integer) rs.getObject("agreement_version");
        BigDecimal score = rs.getBigDecimal("risk_score");
        return Transaction.fromRow(new Transaction.Row(rs.getObject("id", UUID.class), rs.getString("payer_id"),
                rs.getObject("partner_id", UUID.class), TransactionType.valueOf(rs.getString("type")),
                TransactionStatus.valueOf(rs.getString("status")),
                Money.ofMinor(rs.getLong("amount_minor"), currency), Money.ofMinor(rs.getLong("refunded_minor"), currency),
                rs.getString("description"), detailMap,
                new Transaction.Terms(rs.getBigDecimal("commission_rate"), rs.getInt("fulfilment_days"),
                        rs.getString("agreement_id"), agreementVersion),
                new Transaction.Risk(rs.getString("risk_decision"), score == null ? null : score.stripTrailingZeros(),
                        rs.getString("assessment_id"), rs.getString("risk_case_id"), reasons),
                steps, rs.getString("last_payment_failure"), rs.getBoolean("disputed"), rs.getString("status_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "decided_at"),
                instant(rs, "confirmed_at"), instant(rs, "paid_at"), instant(rs, "fulfilment_due_at"),
                instant(rs, "fulfilled_at"), instant(rs, "settled_at"), instant(rs, "cancelled_at"),
                instant(rs, "refunded_at"), rs.getLong("version")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
