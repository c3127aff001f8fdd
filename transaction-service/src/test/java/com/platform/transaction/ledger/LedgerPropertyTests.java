package com.platform.transaction.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import com.platform.transaction.money.Money;
import com.platform.transaction.payment.CallbackEffect;
import com.platform.transaction.payment.Payment;
import com.platform.transaction.payment.PaymentMethod;
import com.platform.transaction.transaction.DisputeOpenException;
import com.platform.transaction.transaction.DisputePeriodOverException;
import com.platform.transaction.transaction.InvalidTransitionException;
import com.platform.transaction.transaction.RefundExceedsHeldException;
import com.platform.transaction.transaction.Transaction;
import com.platform.transaction.transaction.TransactionStatus;
import com.platform.transaction.transaction.TransactionType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T3, T6 over random operation sequences on several transactions in two currencies: create (any risk decision),
 * decide review, confirm, cancel, pay, provider callbacks for any payment in any order and repeated, fulfil,
 * settle, refund any amount, dispute, resolve. After every step: each currency's ledger sums to zero, no escrow is
 * negative and each transaction's escrow equals what it holds, no transition leaves T3's graph, and money is
 * neither created nor lost (what came in through the provider is exactly what is held, payable to partners,
 * commission or refunded). The operations use the domain's own rules (Transaction, JournalEntry, CallbackEffect)
 * and the ledger's escrow check, as the services do.
 */
class LedgerPropertyTests {

    enum Kind { CREATE, DECIDE, CONFIRM, CANCEL, PAY, CALLBACK, FULFIL, SETTLE, REFUND, DISPUTE, RESOLVE, WAIT }

    record Op(Kind kind, int target, int amount, boolean flag, int pick) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(1, 20_000), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 5)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(120);
    }

    /** The ledger as {@link Ledger} keeps it: entries once per reference, escrow never overdrawn. */
    static final class MemoryLedger {
        final List<JournalEntry> entries = new ArrayList<>();
        final java.util.Set<String> references = new java.util.HashSet<>();

        void post(JournalEntry entry) {
            if (!references.add(entry.reference())) {
                return;
            }
            if (escrow(entry.transactionId()) + entry.escrowDelta() > 0) {
                references.remove(entry.reference());
                throw new EscrowOverdrawnException();
            }
            entries.add(entry);
        }

        long escrow(UUID transactionId) {
            return sum(transactionId, LedgerAccount.ESCROW);
        }

        long sum(UUID transactionId, LedgerAccount account) {
            return entries.stream().filter(e -> e.transactionId().equals(transactionId))
                    .flatMap(e -> e.postings().stream()).filter(p -> p.account() == account)
                    .mapToLong(p -> p.amount().minor()).sum();
        }

        Map<String, Long> totals() {
            Map<String, Long> totals = new HashMap<>();
            entries.forEach(e -> e.postings().forEach(p -> totals.merge(p.amount().currency(), p.amount().minor(),
                    Long::sum)));
            return totals;
        }
    }

    @Property(tries = 300)
    void theLedgerBalancesAndNoMoneyIsCreatedOrLost(@ForAll("operations") List<Op> operations) {
        MemoryLedger ledger = new MemoryLedger();
        List<Transaction> transactions = new ArrayList<>();
        Map<UUID, List<Payment>> payments = new HashMap<>();
        Map<UUID, List<Transaction.Transition>> history = new HashMap<>();
        Instant[] now = {Instant.parse("2026-06-01T00:00:00Z")};
        int refunds = 0;
        for (Op op : operations) {
            now[0] = now[0].plusSeconds(60);
            if (op.kind() == Kind.CREATE || transactions.isEmpty()) {
                String currency = op.flag() ? "CNY" : "JPY";
                String decision = List.of("APPROVE", "APPROVE", "REVIEW", "REJECT").get(op.pick() % 4);
                Transaction.Created created = Transaction.create(UUID.randomUUID(), "payer-" + op.target(),
                        UUID.randomUUID(), TransactionType.DELIVERY, Money.ofMinor(op.amount(), currency), "d", null,
                        new Transaction.Terms(new BigDecimal("0.0" + op.pick() + "75"), 3, "ag", 1),
                        new Transaction.Risk(decision, BigDecimal.TEN, "as", null, List.of()), List.of(), now[0]);
                transactions.add(created.transaction());
                payments.put(created.transaction().id(), new ArrayList<>());
                record(history, created.transaction());
                check(ledger, transactions, history);
                continue;
            }
            Transaction t = transactions.get(op.target() % transactions.size());
            TransactionStatus before = t.status();
            Money refundedBefore = t.refunded();
            try {
                switch (op.kind()) {
                    case DECIDE -> t.decideReview(op.flag(), "case", "risk", now[0]);
                    case CONFIRM -> t.confirm("payer", now[0]);
                    case CANCEL -> t.cancel("changed mind", "payer", now[0]);
                    case PAY -> {
                        t.paymentStarted("payer", now[0]);
                        payments.get(t.id()).add(Payment.start(t.id(), "simulator", PaymentMethod.WALLET, t.amount(),
                                now[0]));
                    }
                    case CALLBACK -> {
                        List<Payment> list = payments.get(t.id());
                        if (!list.isEmpty()) {
                            int index = op.pick() % list.size();
                            Payment payment = list.get(index);
                            boolean amountMatches = op.amount() % 7 != 0;
                            CallbackEffect effect = CallbackEffect.of(payment, t.status(),
                                    op.flag() ? "SUCCEEDED" : "FAILED", amountMatches);
                            switch (effect) {
                                case SUCCEEDED -> {
                                    t.paid(payment.id(), "WALLET", "provider", now[0]);
                                    list.set(index, payment.succeeded(now[0]));
                                    ledger.post(JournalEntry.paymentCaptured(t.id(), payment.id(), payment.amount(),
                                            now[0]));
                                }
                                case FAILED, AMOUNT_MISMATCH -> {
                                    t.paymentFailed(payment.id(), "WALLET", "declined", "provider", now[0]);
                                    list.set(index, payment.failed("declined", now[0]));
                                }
                                case IGNORED -> { }
                            }
                        }
                    }
                    case FULFIL -> t.fulfil("partner", now[0]);
                    case SETTLE -> {
                        Transaction.Settlement split = t.settlementSplit();
                        t.settle(split, "payer", now[0]);
                        if (split.partnerPayable().plus(split.commission()).isPositive()) {
                            ledger.post(JournalEntry.settlement(t.id(), split.partnerPayable(), split.commission(),
                                    now[0]));
                        }
                    }
                    case REFUND -> {
                        Money amount = Money.ofMinor(1 + op.amount() % Math.max(1, t.amount().minor()),
                                t.amount().currency());
                        t.refund(amount, "refund", "operator", now[0]);
                        ledger.post(JournalEntry.refund(t.id(), "refund:" + refunds++, amount, now[0]));
                    }
                    case DISPUTE -> t.openDispute(Duration.ofDays(15), now[0]);
                    case RESOLVE -> {
                        if (t.disputed()) {
                            if (op.flag() && t.held().isPositive()) {
                                Money amount = op.pick() == 0 ? t.held() : Money.ofMinor(
                                        1 + op.amount() % t.held().minor(), t.amount().currency());
                                t.refund(amount, "dispute", "operator", now[0]);
                                ledger.post(JournalEntry.refund(t.id(), "dispute:" + t.id() + ":" + refunds++, amount,
                                        now[0]));
                            }
                            t.closeDispute(now[0]);
                        }
                    }
                    case WAIT -> now[0] = now[0].plus(Duration.ofDays(op.pick() * 4L));
                    default -> { }
                }
            }
            catch (InvalidTransitionException | RefundExceedsHeldException | DisputeOpenException
                    | DisputePeriodOverException refused) {
                assertThat(t.status()).as("a refused operation changes nothing").isEqualTo(before);
                assertThat(t.refunded()).isEqualTo(refundedBefore);
            }
            record(history, t);
            check(ledger, transactions, history);
        }
    }

    private static void record(Map<UUID, List<Transaction.Transition>> history, Transaction t) {
        history.computeIfAbsent(t.id(), k -> new ArrayList<>()).addAll(t.pendingTransitions());
        t.pendingTransitions();
        drain(t);
    }

    /** The repository takes the new transitions when it saves; the test does the same. */
    private static void drain(Transaction t) {
        try {
            var method = Transaction.class.getDeclaredMethod("takeNewTransitions");
            method.setAccessible(true);
            method.invoke(t);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(MemoryLedger ledger, List<Transaction> transactions,
            Map<UUID, List<Transaction.Transition>> history) {
        ledger.totals().forEach((currency, total) -> assertThat(total).as("ledger of %s sums to zero", currency)
                .isZero());
        for (Transaction t : transactions) {
            long escrow = ledger.escrow(t.id());
            assertThat(escrow).as("escrow never negative").isLessThanOrEqualTo(0);
            assertThat(-escrow).as("escrow holds what the transaction holds").isEqualTo(t.held().minor());
            long cameIn = ledger.sum(t.id(), LedgerAccount.PROVIDER_CLEARING);
            long wentOut = -ledger.sum(t.id(), LedgerAccount.PARTNER_PAYABLE)
                    - ledger.sum(t.id(), LedgerAccount.PLATFORM_COMMISSION)
                    - ledger.sum(t.id(), LedgerAccount.REFUNDS_PAYABLE);
            assertThat(cameIn).as("money in = held + paid out").isEqualTo(-escrow + wentOut);
            assertThat(cameIn).as("never more than the amount comes in").isIn(0L, t.amount().minor());
            assertThat(-ledger.sum(t.id(), LedgerAccount.REFUNDS_PAYABLE)).isEqualTo(t.refunded().minor());
            List<Transaction.Transition> transitions = history.get(t.id());
            assertThat(transitions.get(0).from()).isNull();
            assertThat(TransactionStatus.INITIAL).contains(transitions.get(0).to());
            for (Transaction.Transition transition : transitions.subList(1, transitions.size())) {
                assertThat(transition.from().canMoveTo(transition.to()))
                        .as("%s -> %s is a transition of T3", transition.from(), transition.to()).isTrue();
            }
            assertThat(transitions.get(transitions.size() - 1).to()).isEqualTo(t.status());
        }
    }
}
