package com.platform.transaction.transaction;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.outbox.Outbox;
import com.platform.starter.security.CurrentCaller;
import com.platform.transaction.ledger.JournalEntry;
import com.platform.transaction.ledger.Ledger;
import com.platform.transaction.money.Money;
import com.platform.transaction.partner.PartnerDirectory;
import com.platform.transaction.payer.PayerDirectory;
import com.platform.transaction.risk.RiskAssessor;

/**
 * The use cases of a transaction's life (T1-T3, T6). Each loads and locks the transaction row first, lets the
 * aggregate decide, then writes the row, its ledger entries, its events (outbox) and the audit entry, in that order
 * and in one database transaction.
 */
@Service
public class TransactionService {

    private final Transactions transactions;
    private final TransactionCreation creation;
    private final Ledger ledger;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    TransactionService(Transactions transactions, TransactionCreation creation, Ledger ledger, Outbox outbox,
            AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.creation = creation;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public record CreateCommand(TransactionType type, UUID partnerId, Money amount, String description,
            Map<String, Object> details, String ip, String deviceId) {
    }

    @Transactional
    public Transaction create(String payerId, CreateCommand command) {
        Transaction.Created created = creation.create(payerId, command);
        Transaction transaction = created.transaction();
        Map<String, Object> after = snapshot(transaction);
        transactions.insert(transaction);
        publish(created.events());
        audit.record("transaction.created", "transaction", transaction.id().toString(), null, after);
        if (transaction.status() == TransactionStatus.IN_REVIEW) {
            creation.earlyCaseDecision(transaction.id()).ifPresent(decision ->
                    decideReview(transaction.id(), decision.approve(), decision.reason(), decision.actor(), true));
        }
        return transaction;
    }

    /** What the caller may see, or not found. */
    @Transactional(readOnly = true)
    public Transaction get(UUID id, CurrentCaller caller) {
        Transaction transaction = transactions.find(id).orElseThrow(TransactionNotFoundException::new);
        if (!Access.canSee(caller, transaction.payerId(), transaction.partnerId())) {
            throw new TransactionNotFoundException();
        }
        return transaction;
    }

    @Transactional
    public Transaction confirm(UUID id, CurrentCaller caller) {
        return change(id, t -> requirePayer(t, caller), "transaction.confirmed",
                t -> t.confirm(caller.actor(), now()));
    }

    /** Before payment only: by the payer, or by an operator. */
    @Transactional
    public Transaction cancel(UUID id, String reason, CurrentCaller caller) {
        return change(id, t -> {
            if (!caller.hasRole("operator")) {
                requirePayer(t, caller);
            }
        }, "transaction.cancelled", t -> t.cancel(reason, caller.actor(), now()));
    }

    /** The partner named on the transaction (token role partner, claim partner_id) fulfils it. */
    @Transactional
    public Transaction fulfil(UUID id, CurrentCaller caller) {
        return change(id, t -> {
            if (!Access.isPartner(caller, t.partnerId())) {
                throw new TransactionNotFoundException();
            }
        }, "transaction.fulfilled", t -> t.fulfil(caller.actor(), now()));
    }

    /** The payer confirms receipt: settlement now (T3). */
    @Transactional
    public Transaction receipt(UUID id, CurrentCaller caller) {
        return change(id, t -> requirePayer(t, caller), "transaction.settled", t -> settle(t, caller.actor()));
    }

    /** Settles one due transaction the job found (already locked). */
    @Transactional
    public void settleDue(Transaction transaction, String actor) {
        Map<String, Object> before = snapshot(transaction);
        List<TransactionEvent> events = settle(transaction, actor);
        save(transaction, events, "transaction.settled", before, actor);
    }

    private List<TransactionEvent> settle(Transaction transaction, String actor) {
        Instant now = now();
        Transaction.Settlement split = transaction.settlementSplit();
        List<TransactionEvent> events = transaction.settle(split, actor, now);
        if (split.partnerPayable().plus(split.commission()).isPositive()) {
            ledger.post(JournalEntry.settlement(transaction.id(), split.partnerPayable(), split.commission(), now));
        }
        return events;
    }

    /**
     * A refund of part or all of what escrow holds (operator, or a dispute's resolution). {@code reference} makes
     * the ledger entry unique, so the same refund is never posted twice.
     */
    @Transactional
    public Transaction refund(UUID id, Money amount, String reason, String reference, String actor) {
        Transaction transaction = transactions.lock(id).orElseThrow(TransactionNotFoundException::new);
        Map<String, Object> before = snapshot(transaction);
        if (!amount.currency().equals(transaction.amount().currency())) {
            throw new CurrencyMismatchException(transaction.amount().currency());
        }
        List<TransactionEvent> events = transaction.refund(amount, reason, actor, now());
        ledger.post(JournalEntry.refund(id, reference, amount, now()));
        save(transaction, events, "transaction.refunded", before, actor);
        return transaction;
    }

    /** A review case decided (risk.case-decided); ignored unless the transaction is still IN_REVIEW. */
    @Transactional
    public boolean decideReview(UUID id, boolean approve, String reason, String actor, boolean alreadyLocked) {
        Transaction transaction = (alreadyLocked ? transactions.find(id) : transactions.lock(id)).orElse(null);
        if (transaction == null || transaction.status() != TransactionStatus.IN_REVIEW) {
            return false;
        }
        Map<String, Object> before = snapshot(transaction);
        List<TransactionEvent> events = transaction.decideReview(approve, reason, actor, now());
        save(transaction, events, approve ? "transaction.approved" : "transaction.rejected", before, actor);
        return true;
    }

    /** Loads and locks, checks who may act, applies the transition, saves, publishes and audits. */
    public Transaction change(UUID id, java.util.function.Consumer<Transaction> authorise, String action,
            Function<Transaction, List<TransactionEvent>> transition) {
        Transaction transaction = transactions.lock(id).orElseThrow(TransactionNotFoundException::new);
        authorise.accept(transaction);
        Map<String, Object> before = snapshot(transaction);
        List<TransactionEvent> events = transition.apply(transaction);
        save(transaction, events, action, before, null);
        return transaction;
    }

    /** Writes a changed transaction with its events and audit entry (the transaction row is already locked). */
    public void save(Transaction transaction, List<TransactionEvent> events, String action,
            Map<String, Object> before, String actor) {
        transactions.update(transaction);
        publish(events);
        if (actor == null) {
            audit.record(action, "transaction", transaction.id().toString(), before, snapshot(transaction));
        }
        else {
            audit.recordAs(actor, action, "transaction", transaction.id().toString(), before, snapshot(transaction));
        }
    }

    public void publish(List<TransactionEvent> events) {
        for (TransactionEvent event : events) {
            String aggregateType = event.type().startsWith("dispute.") ? "dispute" : "transaction";
            outbox.record(TransactionEvent.TOPIC, aggregateType, event.subject(), event.type(), event.data());
        }
    }

    private static void requirePayer(Transaction transaction, CurrentCaller caller) {
        if (!Access.isPayer(caller, transaction.payerId())) {
            throw new TransactionNotFoundException();
        }
    }

    /** What the audit trail keeps of a transaction: ids, status and amounts, no personal data. */
    public static Map<String, Object> snapshot(Transaction t) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", t.status().name());
        state.put("amount", t.amount().toString());
        state.put("refunded", t.refunded().toString());
        state.put("disputed", t.disputed());
        state.put("partnerId", t.partnerId().toString());
        if (t.statusReason() != null) {
            state.put("reason", t.statusReason());
        }
        return state;
    }

    private Instant now() {
        return clock.instant();
    }
}
