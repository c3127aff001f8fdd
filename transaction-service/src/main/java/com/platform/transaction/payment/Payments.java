package com.platform.transaction.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.platform.transaction.money.Money;

/** Payments and received callbacks in PostgreSQL. */
@Repository
public class Payments {

    private static final String COLUMNS = "id, transaction_id, provider, method, status, amount_minor, currency, "
            + "provider_payment_id, failure_reason, created_at, completed_at, submission_attempts, next_submission_at, "
            + "last_submission_error";

    private final JdbcTemplate jdbc;

    Payments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Payment p) {
        jdbc.update("insert into payment (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(), p.transactionId(), p.provider(), p.method().name(), p.status().name(), p.amount().minor(),
                p.amount().currency(), p.providerPaymentId(), p.failureReason(), ts(p.createdAt()),
                ts(p.completedAt()), p.submissionAttempts(), ts(p.nextSubmissionAt()), p.lastSubmissionError());
    }

    void update(Payment p) {
        jdbc.update("""
                update payment set status = ?, provider_payment_id = ?, failure_reason = ?, completed_at = ?,
                       submission_attempts = ?, next_submission_at = ?, last_submission_error = ?
                where id = ?
                """, p.status().name(), p.providerPaymentId(), p.failureReason(), ts(p.completedAt()),
                p.submissionAttempts(), ts(p.nextSubmissionAt()), p.lastSubmissionError(), p.id());
    }

    Optional<Payment> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from payment where id = ?", Payments::map, id).stream().findFirst();
    }

    Optional<Payment> lock(UUID id) {
        return jdbc.query("select " + COLUMNS + " from payment where id = ? for update", Payments::map, id).stream()
                .findFirst();
    }

    /** The payment in flight of a transaction (INITIATED or PENDING; at most one, by a unique index). */
    Optional<Payment> openOf(UUID transactionId) {
        return jdbc.query("select " + COLUMNS + " from payment where transaction_id = ? and status in"
                + " ('INITIATED', 'PENDING')", Payments::map, transactionId).stream().findFirst();
    }

    /**
     * Takes INITIATED payments due to be sent again and moves their next sending a lease ahead, so that another
     * instance does not take them meanwhile (skip locked: never waits for a row another instance holds).
     */
    List<Payment> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.query("""
                update payment set next_submission_at = ?
                where id in (select id from payment where status = 'INITIATED' and next_submission_at <= ?
                             order by next_submission_at limit ? for update skip locked)
                returning\s""" + COLUMNS, Payments::map, ts(leaseUntil), ts(now), limit);
    }

    public List<Payment> ofTransaction(UUID transactionId) {
        return jdbc.query("select " + COLUMNS + " from payment where transaction_id = ? order by created_at",
                Payments::map, transactionId);
    }

    void recordCallback(String provider, UUID paymentId, String status, String outcome, String bodyHash,
            Instant now) {
        jdbc.update("""
                insert into payment_callback (provider, payment_id, status, outcome, received_at, body_hash)
                values (?, ?, ?, ?, ?, ?)
                """, provider, paymentId, status, outcome, ts(now), bodyHash);
    }

    private static Payment map(ResultSet rs, int i) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        Timestamp next = rs.getTimestamp("next_submission_at");
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("transaction_id", UUID.class),
                rs.getString("provider"), PaymentMethod.valueOf(rs.getString("method")),
                Payment.Status.valueOf(rs.getString("status")),
                Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getString("provider_payment_id"), rs.getString("failure_reason"),
                rs.getTimestamp("created_at").toInstant(), completed == null ? null : completed.toInstant(),
                rs.getInt("submission_attempts"), next == null ? null : next.toInstant(),
                rs.getString("last_submission_error"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
