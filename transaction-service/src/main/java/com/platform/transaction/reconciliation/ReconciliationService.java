package com.platform.transaction.reconciliation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.outbox.Outbox;
import com.platform.transaction.money.Money;
import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.payment.PaymentProvider;

/**
 * Reconciles a provider's statement with the ledger (T5): every payment the statement lists is looked up with its
 * ledger capture (the PAYMENT_CAPTURED entry of that payment), and every capture of the period is looked up in
 * the statement. Each difference is stored for auditors and operators and published as
 * {@code reconciliation.difference-found}; the run as {@code reconciliation.completed}. The ledger is never changed
 * here: a correction is an operator's decision and a new entry.
 */
@Service
public class ReconciliationService {

    static final String TOPIC = "platform.transactions.v1";

    private final PaymentProvider provider;
    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    ReconciliationService(PaymentProvider provider, JdbcTemplate jdbc, Outbox outbox, AuditTrail audit, Clock clock) {
        this.provider = provider;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    private record Ours(UUID paymentId, UUID transactionId, String status, Money amount, Long captured,
            Instant completedAt) {
    }

    @Transactional
    public Reconciliation reconcile(String providerId, Instant from, Instant to, String actor) {
        List<PaymentProvider.StatementLine> statement = provider.statement(providerId, from, to);
        List<Reconciliation.Difference> differences = new ArrayList<>();
        Map<UUID, PaymentProvider.StatementLine> listed = new HashMap<>();
        for (PaymentProvider.StatementLine line : statement) {
            if (line.paymentId() == null) {
                differences.add(new Reconciliation.Difference(Reconciliation.Kind.UNKNOWN_PAYMENT, null, null,
                        line.amount(), null, "statement line without our payment id (" + line.providerPaymentId() + ")"));
                continue;
            }
            listed.put(line.paymentId(), line);
            Optional<Ours> ours = ours(line.paymentId());
            if (ours.isEmpty()) {
                differences.add(new Reconciliation.Difference(Reconciliation.Kind.UNKNOWN_PAYMENT, line.paymentId(),
                        null, line.amount(), null, "the provider lists a payment we never started"));
                continue;
            }
            Ours payment = ours.get();
            Money captured = payment.captured() == null ? null
                    : Money.ofMinor(payment.captured(), payment.amount().currency());
            if ("SUCCEEDED".equals(line.status())) {
                if (captured == null) {
                    differences.add(new Reconciliation.Difference(Reconciliation.Kind.MISSING_IN_LEDGER,
                            payment.paymentId(), payment.transactionId(), line.amount(), null,
                            "collected by the provider, not captured in the ledger (payment " + payment.status() + ")"));
                }
                else if (line.amount() == null || !line.amount().equals(captured)) {
                    differences.add(new Reconciliation.Difference(Reconciliation.Kind.AMOUNT_MISMATCH,
                            payment.paymentId(), payment.transactionId(), line.amount(), captured,
                            "the provider collected another amount than the ledger captured"));
                }
            }
            else if (captured != null) {
                differences.add(new Reconciliation.Difference(Reconciliation.Kind.STATUS_MISMATCH, payment.paymentId(),
                        payment.transactionId(), line.amount(), captured,
                        "refused by the provider (" + line.status() + "), captured in the ledger"));
            }
        }
        for (Ours payment : capturedIn(providerId, from, to)) {
            if (!listed.containsKey(payment.paymentId())) {
                differences.add(new Reconciliation.Difference(Reconciliation.Kind.MISSING_AT_PROVIDER,
                        payment.paymentId(), payment.transactionId(), null,
                        Money.ofMinor(payment.captured(), payment.amount().currency()),
                        "captured in the ledger, not on the provider's statement"));
            }
        }
        Instant now = clock.instant();
        Reconciliation run = new Reconciliation(UUID.randomUUID(), providerId, from, to, now, actor, statement.size(),
                differences);
        store(run);
        publish(run, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("provider", providerId);
        after.put("from", from.toString());
        after.put("to", to.toString());
        after.put("compared", statement.size());
        after.put("differences", differences.size());
        audit.recordAs(actor, "reconciliation.run", "reconciliation", run.id().toString(), null, after);
        return run;
    }

    private Optional<Ours> ours(UUID paymentId) {
        return jdbc.query("""
                select p.id, p.transaction_id, p.status, p.amount_minor, p.currency, p.completed_at,
                       (select sum(jp.amount_minor) from journal_entry je join journal_posting jp on jp.entry_id = je.id
                        where je.reference = 'payment:' || p.id and jp.account = 'PROVIDER_CLEARING') as captured
                from payment p where p.id = ?
                """, (rs, i) -> ours(rs), paymentId).stream().findFirst();
    }

    private List<Ours> capturedIn(String providerId, Instant from, Instant to) {
        return jdbc.query("""
                select p.id, p.transaction_id, p.status, p.amount_minor, p.currency, p.completed_at,
                       (select sum(jp.amount_minor) from journal_entry je join journal_posting jp on jp.entry_id = je.id
                        where je.reference = 'payment:' || p.id and jp.account = 'PROVIDER_CLEARING') as captured
                from payment p where p.provider = ? and p.status = 'SUCCEEDED' and p.completed_at >= ?
                  and p.completed_at < ?
                """, (rs, i) -> ours(rs), providerId, Timestamp.from(from), Timestamp.from(to)).stream()
                .filter(o -> o.captured() != null).toList();
    }

    private static Ours ours(java.sql.ResultSet rs) throws java.sql.SQLException {
        long captured = rs.getLong("captured");
        Long capturedOrNull = rs.wasNull() ? null : captured;
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Ours(rs.getObject("id", UUID.class), rs.getObject("transaction_id", UUID.class),
                rs.getString("status"), Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency")),
                capturedOrNull, completed == null ? null : completed.toInstant());
    }

    private void store(Reconciliation run) {
        jdbc.update("""
                insert into reconciliation_run (id, provider, period_from, period_to, started_at, started_by, compared,
                                                differences)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, run.id(), run.provider(), Timestamp.from(run.from()), Timestamp.from(run.to()),
                Timestamp.from(run.startedAt()), run.startedBy(), run.compared(), run.differences().size());
        int line = 1;
        for (Reconciliation.Difference d : run.differences()) {
            Money any = d.providerAmount() != null ? d.providerAmount() : d.ledgerAmount();
            jdbc.update("""
                    insert into reconciliation_difference (run_id, line, kind, payment_id, transaction_id,
                        provider_amount_minor, ledger_amount_minor, currency, detail)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, run.id(), line++, d.kind().name(), d.paymentId(), d.transactionId(),
                    d.providerAmount() == null ? null : d.providerAmount().minor(),
                    d.ledgerAmount() == null ? null : d.ledgerAmount().minor(), any == null ? null : any.currency(),
                    d.detail());
        }
    }

    private void publish(Reconciliation run, Instant now) {
        for (Reconciliation.Difference d : run.differences()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reconciliationId", run.id());
            data.put("provider", run.provider());
            data.put("kind", d.kind().name());
            data.put("paymentId", d.paymentId());
            data.put("transactionId", d.transactionId());
            data.put("providerAmount", MoneyJson.of(d.providerAmount()));
            data.put("ledgerAmount", MoneyJson.of(d.ledgerAmount()));
            data.put("detail", d.detail());
            data.put("occurredAt", now);
            outbox.record(TOPIC, "reconciliation", run.id().toString(), "reconciliation.difference-found", data);
        }
        Map<String, Object> completed = new LinkedHashMap<>();
        completed.put("reconciliationId", run.id());
        completed.put("provider", run.provider());
        completed.put("from", run.from());
        completed.put("to", run.to());
        completed.put("compared", run.compared());
        completed.put("differences", run.differences().size());
        completed.put("occurredAt", now);
        outbox.record(TOPIC, "reconciliation", run.id().toString(), "reconciliation.completed", completed);
    }

    @Transactional(readOnly = true)
    public Optional<Reconciliation> find(UUID id) {
        List<Reconciliation.Difference> differences = jdbc.query("""
                select kind, payment_id, transaction_id, provider_amount_minor, ledger_amount_minor, currency, detail
                from reconciliation_difference where run_id = ? order by line
                """, (rs, i) -> {
            String currency = rs.getString(6);
            long provider = rs.getLong(4);
            Money providerAmount = rs.wasNull() ? null : Money.ofMinor(provider, currency);
            long ledger = rs.getLong(5);
            Money ledgerAmount = rs.wasNull() ? null : Money.ofMinor(ledger, currency);
            return new Reconciliation.Difference(Reconciliation.Kind.valueOf(rs.getString(1)),
                    rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), providerAmount, ledgerAmount,
                    rs.getString(7));
        }, id);
        return jdbc.query("""
                select id, provider, period_from, period_to, started_at, started_by, compared from reconciliation_run
                where id = ?
                """, (rs, i) -> new Reconciliation(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                rs.getString(6), rs.getInt(7), differences), id).stream().findFirst();
    }

    public record Summary(UUID id, String provider, Instant from, Instant to, Instant startedAt, String startedBy,
            int compared, int differences) {
    }

    @Transactional(readOnly = true)
    public List<Summary> list(int offset, int limit) {
        return jdbc.query("""
                select id, provider, period_from, period_to, started_at, started_by, compared, differences
                from reconciliation_run order by started_at desc, id limit ? offset ?
                """, (rs, i) -> new Summary(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                rs.getString(6), rs.getInt(7), rs.getInt(8)), limit, offset);
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from reconciliation_run", Long.class);
        return count == null ? 0 : count;
    }

    /** Whether the job already reconciled this provider and period (any instance). */
    boolean alreadyRun(String providerId, Instant from, Instant to) {
        Integer count = jdbc.queryForObject("""
                select count(*) from reconciliation_run where provider = ? and period_from = ? and period_to = ?
                  and started_by = ?
                """, Integer.class, providerId, Timestamp.from(from), Timestamp.from(to), ReconciliationJob.ACTOR);
        return count != null && count > 0;
    }
}
