package com.platform.transaction.transaction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.platform.transaction.money.Money;
import com.platform.transaction.money.MoneyJson;

/**
 * A transaction between a payer and a partner (T1-T3, T6, T7). It owns its state machine: every change goes through
 * a method here that checks the transition against {@link TransactionStatus} (a wrong one throws
 * {@link InvalidTransitionException}), stamps the time, appends a {@link Transition} and returns the events of
 * T9 the change publishes. Invariants: the amount is positive; what was refunded never exceeds what was paid;
 * funds are held only while PAID or FULFILLED ({@link #held()}); a transaction under dispute does not settle.
 */
public final class Transaction {

    /** One risk-control step of T2, in the order they ran. */
    public record Step(String name, String outcome, String detail, Instant at) {
    }

    /**
     * The agreement terms captured when the transaction was created (commission and fulfilment days). The rate
     * keeps the agreement's scale of four places (partner-service's, and the column's): a rate with more places is
     * refused by {@link EligibilityPolicy} before it gets here, never rounded.
     */
    public record Terms(BigDecimal commissionRate, int fulfilmentDays, String agreementId, Integer agreementVersion) {

        public static final int RATE_SCALE = 4;

        public Terms {
            if (commissionRate != null) {
                commissionRate = commissionRate.setScale(RATE_SCALE, java.math.RoundingMode.UNNECESSARY);
            }
        }
    }

    /** The risk decision the transaction was created with (never APPROVED without one). */
    public record Risk(String decision, BigDecimal score, String assessmentId, String caseId, List<String> reasons) {
    }

    /** A status change, timestamped, with who made it. */
    public record Transition(TransactionStatus from, TransactionStatus to, Instant at, String actor, String reason) {
    }

    private final UUID id;
    private final String payerId;
    private final UUID partnerId;
    private final TransactionType type;
    private final Money amount;
    private final String description;
    private final Map<String, Object> details;
    private final Terms terms;
    private final Risk risk;
    private final List<Step> steps;
    private final Instant createdAt;
    private TransactionStatus status;
    private Money refunded;
    private String lastPaymentFailure;
    private boolean disputed;
    private String statusReason;
    private Instant updatedAt;
    private Instant decidedAt;
    private Instant confirmedAt;
    private Instant paidAt;
    private Instant fulfilmentDueAt;
    private Instant fulfilledAt;
    private Instant settledAt;
    private Instant cancelledAt;
    private Instant refundedAt;
    private long version;
    private final List<Transition> newTransitions = new ArrayList<>();

    private Transaction(UUID id, String payerId, UUID partnerId, TransactionType type, Money amount,
            String description, Map<String, Object> details, Terms terms, Risk risk, List<Step> steps,
            Instant createdAt) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
        this.id = id;
        this.payerId = payerId;
        this.partnerId = partnerId;
        this.type = type;
        this.amount = amount;
        this.description = description;
        this.details = details;
        this.terms = terms;
        this.risk = risk;
        this.steps = List.copyOf(steps);
        this.createdAt = createdAt;
        this.refunded = Money.zero(amount.currency());
    }

    /** The result of creating a transaction: the aggregate and the events it publishes. */
    public record Created(Transaction transaction, List<TransactionEvent> events) {
    }

    /**
     * Creates a transaction whose payer and partner checks passed, in the state its risk decision gives (T2, T3):
     * APPROVE is APPROVED, REVIEW is IN_REVIEW (a risk officer's case decides), REJECT is REJECTED.
     */
    public static Created create(UUID id, String payerId, UUID partnerId, TransactionType type, Money amount,
            String description, Map<String, Object> details, Terms terms, Risk risk, List<Step> steps, Instant now) {
        Transaction transaction = new Transaction(id, payerId, partnerId, type, amount, description, details, terms,
                risk, steps, now);
        TransactionStatus initial = switch (risk.decision()) {
            case "APPROVE" -> TransactionStatus.APPROVED;
            case "REVIEW" -> TransactionStatus.IN_REVIEW;
            case "REJECT" -> TransactionStatus.REJECTED;
            default -> throw new IllegalArgumentException("no risk decision: " + risk.decision());
        };
        transaction.status = initial;
        transaction.updatedAt = now;
        if (initial != TransactionStatus.IN_REVIEW) {
            transaction.decidedAt = now;
            transaction.statusReason = initial == TransactionStatus.REJECTED ? "risk decision REJECT" : null;
        }
        transaction.newTransitions.add(new Transition(null, initial, now, payerId, "risk decision " + risk.decision()));
        List<TransactionEvent> events = new ArrayList<>();
        Map<String, Object> created = transaction.eventData(now);
        created.put("riskDecision", risk.decision());
        created.put("riskScore", risk.score());
        created.put("assessmentId", risk.assessmentId());
        events.add(transaction.event("transaction.created", created));
        if (initial == TransactionStatus.APPROVED) {
            events.add(transaction.event("transaction.approved", transaction.eventData(now)));
        }
        else if (initial == TransactionStatus.REJECTED) {
            Map<String, Object> data = transaction.eventData(now);
            data.put("reason", transaction.statusReason);
            events.add(transaction.event("transaction.rejected", data));
        }
        return new Created(transaction, events);
    }

    /** The review case decided (risk.case-decided): IN_REVIEW becomes APPROVED or REJECTED. */
    public List<TransactionEvent> decideReview(boolean approve, String reason, String actor, Instant now) {
        TransactionStatus next = approve ? TransactionStatus.APPROVED : TransactionStatus.REJECTED;
        move(next, approve ? "approved" : "rejected", actor, reason, now);
        decidedAt = now;
        statusReason = approve ? null : reason;
        Map<String, Object> data = eventData(now);
        data.put("reason", reason);
        return List.of(event(approve ? "transaction.approved" : "transaction.rejected", data));
    }

    /** T2: the payer confirms before money moves. */
    public List<TransactionEvent> confirm(String actor, Instant now) {
        move(TransactionStatus.CONFIRMED, "confirmed", actor, null, now);
        confirmedAt = now;
        return List.of(event("transaction.confirmed", eventData(now)));
    }

    /** T3: cancel before payment (never while a payment is in flight or after it). */
    public List<TransactionEvent> cancel(String reason, String actor, Instant now) {
        move(TransactionStatus.CANCELLED, "cancelled", actor, reason, now);
        cancelledAt = now;
        statusReason = reason;
        Map<String, Object> data = eventData(now);
        data.put("reason", reason);
        return List.of(event("transaction.cancelled", data));
    }

    /** A payment was sent to the provider: no second payment, no cancellation until its result. */
    public void paymentStarted(String actor, Instant now) {
        move(TransactionStatus.PAYMENT_PENDING, "paid now", actor, null, now);
        lastPaymentFailure = null;
    }

    /** The provider refused the payment: payable again, with the reason (payment.failed). */
    public List<TransactionEvent> paymentFailed(UUID paymentId, String method, String reason, String actor,
            Instant now) {
        move(TransactionStatus.CONFIRMED, "marked as payment failed", actor, reason, now);
        lastPaymentFailure = reason;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", id);
        data.put("paymentId", paymentId);
        data.put("payerId", payerId);
        data.put("partnerId", partnerId);
        data.put("method", method);
        data.put("reason", reason);
        data.put("occurredAt", now);
        return List.of(event("payment.failed", data));
    }

    /** The provider confirmed the payment: funds are held in escrow (T3); the fulfilment clock starts. */
    public List<TransactionEvent> paid(UUID paymentId, String method, String actor, Instant now) {
        move(TransactionStatus.PAID, "paid", actor, null, now);
        paidAt = now;
        fulfilmentDueAt = now.plus(Duration.ofDays(terms.fulfilmentDays()));
        Map<String, Object> data = eventData(now);
        data.put("paymentId", paymentId);
        data.put("method", method);
        data.put("paidAt", now);
        data.put("fulfilmentDueAt", fulfilmentDueAt);
        return List.of(event("transaction.paid", data));
    }

    /** The partner fulfilled (delivered, shipped, executed); on time against the agreement's days or not. */
    public List<TransactionEvent> fulfil(String actor, Instant now) {
        move(TransactionStatus.FULFILLED, "fulfilled", actor, null, now);
        fulfilledAt = now;
        Map<String, Object> data = eventData(now);
        data.put("fulfilledAt", now);
        data.put("fulfilmentDueAt", fulfilmentDueAt);
        data.put("onTime", !now.isAfter(fulfilmentDueAt));
        return List.of(event("transaction.fulfilled", data));
    }

    /** What settlement releases: the partner's part and the platform's commission of what is held. */
    public record Settlement(Money partnerPayable, Money commission) {
    }

    /** The split of what is held now: commission = held x the captured rate, rounded half-even to a minor unit. */
    public Settlement settlementSplit() {
        Money held = held();
        Money commission = held.times(terms.commissionRate());
        return new Settlement(held.minus(commission), commission);
    }

    /** T3/T6: escrow released to the partner less commission; refused while a dispute is open (T7). */
    public List<TransactionEvent> settle(Settlement settlement, String actor, Instant now) {
        if (disputed) {
            throw new DisputeOpenException();
        }
        if (status != TransactionStatus.FULFILLED) {
            throw new InvalidTransitionException(status, "settled");
        }
        move(TransactionStatus.SETTLED, "settled", actor, null, now);
        settledAt = now;
        Map<String, Object> data = eventData(now);
        data.put("partnerPayable", MoneyJson.of(settlement.partnerPayable()));
        data.put("commission", MoneyJson.of(settlement.commission()));
        return List.of(event("transaction.settled", data));
    }

    /**
     * T6: a refund of part or all of what is held. Everything refunded makes the transaction REFUNDED; a partial
     * refund keeps the status and shows in {@link #refunded()}.
     *
     * @throws RefundExceedsHeldException for more than is held (escrow never goes below zero)
     */
    public List<TransactionEvent> refund(Money refund, String reason, String actor, Instant now) {
        if (!status.holdsFunds()) {
            throw new InvalidTransitionException(status, "refunded");
        }
        if (!refund.isPositive()) {
            throw new IllegalArgumentException("refund must be positive");
        }
        if (refund.greaterThan(held())) {
            throw new RefundExceedsHeldException(held());
        }
        refunded = refunded.plus(refund);
        updatedAt = now;
        Map<String, Object> data;
        if (refunded.equals(amount)) {
            move(TransactionStatus.REFUNDED, "refunded", actor, reason, now);
            refundedAt = now;
            data = eventData(now);
            data.put("refund", MoneyJson.of(refund));
            data.put("refundedAmount", MoneyJson.of(refunded));
            data.put("reason", reason);
            return List.of(event("transaction.refunded", data));
        }
        data = eventData(now);
        data.put("refund", MoneyJson.of(refund));
        data.put("refundedAmount", MoneyJson.of(refunded));
        data.put("reason", reason);
        return List.of(event("transaction.partially-refunded", data));
    }

    /** T7: a dispute freezes settlement; only while funds are held and within the opening period after payment. */
    public void openDispute(Duration openingPeriod, Instant now) {
        if (!status.holdsFunds()) {
            throw new InvalidTransitionException(status, "disputed");
        }
        if (disputed) {
            throw new DisputeOpenException();
        }
        if (now.isAfter(paidAt.plus(openingPeriod))) {
            throw new DisputePeriodOverException();
        }
        disputed = true;
        updatedAt = now;
    }

    /** The dispute was resolved: settlement may go ahead again (if anything is still held). */
    public void closeDispute(Instant now) {
        disputed = false;
        updatedAt = now;
    }

    /** What escrow holds for this transaction now. */
    public Money held() {
        return status.holdsFunds() ? amount.minus(refunded) : Money.zero(amount.currency());
    }

    private void move(TransactionStatus next, String action, String actor, String reason, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new InvalidTransitionException(status, action);
        }
        newTransitions.add(new Transition(status, next, now, actor, reason));
        status = next;
        updatedAt = now;
    }

    private Map<String, Object> eventData(Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", id);
        data.put("payerId", payerId);
        data.put("partnerId", partnerId);
        data.put("type", type.name());
        data.put("status", status.name());
        data.put("amount", MoneyJson.of(amount));
        data.put("occurredAt", now);
        return data;
    }

    private TransactionEvent event(String eventType, Map<String, Object> data) {
        return new TransactionEvent(eventType, id.toString(), data);
    }

    /** Transitions made since the aggregate was loaded, for the repository to append. */
    List<Transition> takeNewTransitions() {
        List<Transition> taken = List.copyOf(newTransitions);
        newTransitions.clear();
        return taken;
    }

    public List<Transition> pendingTransitions() {
        return List.copyOf(newTransitions);
    }

    /** The persisted state, for {@link Transactions} to write and read in one place. */
    record Row(UUID id, String payerId, UUID partnerId, TransactionType type, TransactionStatus status, Money amount,
            Money refunded, String description, Map<String, Object> details, Terms terms, Risk risk,
            List<Step> steps, String lastPaymentFailure, boolean disputed, String statusReason, Instant createdAt,
            Instant updatedAt, Instant decidedAt, Instant confirmedAt, Instant paidAt, Instant fulfilmentDueAt,
            Instant fulfilledAt, Instant settledAt, Instant cancelledAt, Instant refundedAt, long version) {
    }

    Row row() {
        return new Row(id, payerId, partnerId, type, status, amount, refunded, description, details, terms, risk, steps,
                lastPaymentFailure, disputed, statusReason, createdAt, updatedAt, decidedAt, confirmedAt, paidAt,
                fulfilmentDueAt, fulfilledAt, settledAt, cancelledAt, refundedAt, version);
    }

    static Transaction fromRow(Row row) {
        Transaction t = new Transaction(row.id(), row.payerId(), row.partnerId(), row.type(), row.amount(),
                row.description(), row.details(), row.terms(), row.risk(), row.steps(), row.createdAt());
        t.status = row.status();
        t.refunded = row.refunded();
        t.lastPaymentFailure = row.lastPaymentFailure();
        t.disputed = row.disputed();
        t.statusReason = row.statusReason();
        t.updatedAt = row.updatedAt();
        t.decidedAt = row.decidedAt();
        t.confirmedAt = row.confirmedAt();
        t.paidAt = row.paidAt();
        t.fulfilmentDueAt = row.fulfilmentDueAt();
        t.fulfilledAt = row.fulfilledAt();
        t.settledAt = row.settledAt();
        t.cancelledAt = row.cancelledAt();
        t.refundedAt = row.refundedAt();
        t.version = row.version();
        return t;
    }

    void versionSaved(long newVersion) {
        version = newVersion;
    }

    public UUID id() { return id; }
    public String payerId() { return payerId; }
    public UUID partnerId() { return partnerId; }
    public TransactionType type() { return type; }
    public TransactionStatus status() { return status; }
    public Money amount() { return amount; }
    public Money refunded() { return refunded; }
    public String description() { return description; }
    public Map<String, Object> details() { return details; }
    public Terms terms() { return terms; }
    public Risk risk() { return risk; }
    public List<Step> steps() { return steps; }
    public String lastPaymentFailure() { return lastPaymentFailure; }
    public boolean disputed() { return disputed; }
    public String statusReason() { return statusReason; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant decidedAt() { return decidedAt; }
    public Instant confirmedAt() { return confirmedAt; }
    public Instant paidAt() { return paidAt; }
    public Instant fulfilmentDueAt() { return fulfilmentDueAt; }
    public Instant fulfilledAt() { return fulfilledAt; }
    public Instant settledAt() { return settledAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public Instant refundedAt() { return refundedAt; }
    public long version() { return version; }
}
