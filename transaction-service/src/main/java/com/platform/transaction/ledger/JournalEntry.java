package com.platform.transaction.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.platform.transaction.money.Money;

/**
 * A balanced double-entry journal entry of one transaction in one currency (T6). It is immutable: once posted it is
 * never changed (the database refuses UPDATE and DELETE); a correction is a new entry ({@link #reversal}).
 * Invariants checked here and again by the database at commit: at least two lines, no zero line, one currency,
 * and the lines sum to zero. {@code reference} is unique, so posting the same movement twice is impossible.
 */
public record JournalEntry(UUID id, UUID transactionId, Kind kind, String currency, String reference,
        UUID correctsEntryId, Instant createdAt, List<Posting> postings) {

    public enum Kind { PAYMENT_CAPTURED, SETTLEMENT, REFUND, REVERSAL, CORRECTION }

    public JournalEntry {
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new UnbalancedEntryException("a journal entry needs at least two lines");
        }
        long sum = 0;
        for (Posting posting : postings) {
            if (!posting.amount().currency().equals(currency)) {
                throw new UnbalancedEntryException("a journal entry has one currency");
            }
            if (posting.amount().isZero()) {
                throw new UnbalancedEntryException("a journal line is never zero");
            }
            sum = Math.addExact(sum, posting.amount().minor());
        }
        if (sum != 0) {
            throw new UnbalancedEntryException("the journal entry does not balance: " + sum);
        }
    }

    /** Payment captured: Dr PROVIDER_CLEARING, Cr ESCROW. */
    public static JournalEntry paymentCaptured(UUID transactionId, UUID paymentId, Money amount, Instant now) {
        return new JournalEntry(UUID.randomUUID(), transactionId, Kind.PAYMENT_CAPTURED, amount.currency(),
                "payment:" + paymentId, null, now, List.of(
                        Posting.debit(LedgerAccount.PROVIDER_CLEARING, amount),
                        Posting.credit(LedgerAccount.ESCROW, amount)));
    }

    /** Settlement: Dr ESCROW (all held), Cr PARTNER_PAYABLE (held less commission), Cr PLATFORM_COMMISSION. */
    public static JournalEntry settlement(UUID transactionId, Money partnerPayable, Money commission, Instant now) {
        Money held = partnerPayable.plus(commission);
        List<Posting> lines = commission.isZero()
                ? List.of(Posting.debit(LedgerAccount.ESCROW, held),
                        Posting.credit(LedgerAccount.PARTNER_PAYABLE, partnerPayable))
                : partnerPayable.isZero()
                        ? List.of(Posting.debit(LedgerAccount.ESCROW, held),
                                Posting.credit(LedgerAccount.PLATFORM_COMMISSION, commission))
                        : List.of(Posting.debit(LedgerAccount.ESCROW, held),
                                Posting.credit(LedgerAccount.PARTNER_PAYABLE, partnerPayable),
                                Posting.credit(LedgerAccount.PLATFORM_COMMISSION, commission));
        return new JournalEntry(UUID.randomUUID(), transactionId, Kind.SETTLEMENT, held.currency(),
                "settlement:" + transactionId, null, now, lines);
    }

    /** Refund: Dr ESCROW, Cr REFUNDS_PAYABLE; {@code reference} makes a retried refund a no-op. */
    public static JournalEntry refund(UUID transactionId, String reference, Money amount, Instant now) {
        return new JournalEntry(UUID.randomUUID(), transactionId, Kind.REFUND, amount.currency(), reference, null,
                now, List.of(Posting.debit(LedgerAccount.ESCROW, amount),
                        Posting.credit(LedgerAccount.REFUNDS_PAYABLE, amount)));
    }

    /** A correction: a new entry with every line of {@code entry} negated, pointing at it. */
    public static JournalEntry reversal(JournalEntry entry, Instant now) {
        return new JournalEntry(UUID.randomUUID(), entry.transactionId(), Kind.REVERSAL, entry.currency(),
                "reversal:" + entry.id(), entry.id(), now,
                entry.postings().stream().map(p -> new Posting(p.account(), p.amount().negate())).toList());
    }

    /** This entry's effect on the transaction's escrow (negative: more held). */
    public long escrowDelta() {
        return postings.stream().filter(p -> p.account() == LedgerAccount.ESCROW)
                .mapToLong(p -> p.amount().minor()).sum();
    }
}
