package com.platform.transaction.correction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.platform.transaction.ledger.JournalEntry;
import com.platform.transaction.ledger.LedgerAccount;
import com.platform.transaction.ledger.Posting;

/**
 * A correction of the ledger (T6): never a change of an entry, always a new balanced entry, and only after four
 * eyes. One admin proposes it with a reason and its lines; a second admin approves it (the entry is posted) or
 * rejects it; the proposer can do neither (maker-checker). Invariants checked here: two to twenty lines, each
 * positive on its side, in the transaction's currency, debits equal credits, no ESCROW line (escrow follows the
 * transaction's state and moves only with payments, settlements and refunds), decided once.
 */
public final class LedgerCorrection {

    public static final int MAX_LINES = 20;

    public enum Status { PROPOSED, APPLIED, REJECTED }

    public enum Side { DEBIT, CREDIT }

    /** A line as proposed: an account, a side, and a positive amount in minor units. */
    public record Line(LedgerAccount account, Side side, long amountMinor) {

        Posting posting(String currency) {
            com.platform.transaction.money.Money amount =
                    com.platform.transaction.money.Money.ofMinor(amountMinor, currency);
            return side == Side.DEBIT ? Posting.debit(account, amount) : Posting.credit(account, amount);
        }
    }

    private final UUID id;
    private final UUID transactionId;
    private final String currency;
    private final String reason;
    private final UUID correctsEntryId;
    private final List<Line> lines;
    private final String proposedBy;
    private final Instant proposedAt;
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionReason;
    private UUID entryId;

    private LedgerCorrection(UUID id, UUID transactionId, String currency, String reason, UUID correctsEntryId,
            List<Line> lines, String proposedBy, Instant proposedAt) {
        this.id = id;
        this.transactionId = transactionId;
        this.currency = currency;
        this.reason = reason;
        this.correctsEntryId = correctsEntryId;
        this.lines = List.copyOf(lines);
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.status = Status.PROPOSED;
    }

    /**
     * A proposed correction of one transaction's ledger, in its currency.
     *
     * @throws InvalidCorrectionException naming the field for lines that cannot be posted
     */
    public static LedgerCorrection propose(UUID transactionId, String transactionCurrency, String reason,
            UUID correctsEntryId, List<Line> lines, List<String> lineCurrencies, String proposedBy, Instant now) {
        if (lines == null || lines.size() < 2 || lines.size() > MAX_LINES) {
            throw new InvalidCorrectionException("lines", "must have 2 to " + MAX_LINES + " lines");
        }
        long debits = 0;
        long credits = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.account() == LedgerAccount.ESCROW) {
                throw new InvalidCorrectionException("lines[" + i + "].account",
                        "escrow moves only with payments, settlements and refunds");
            }
            if (!transactionCurrency.equals(lineCurrencies.get(i))) {
                throw new InvalidCorrectionException("lines[" + i + "].amount.currency",
                        "must be the transaction's currency " + transactionCurrency);
            }
            if (line.amountMinor() <= 0) {
                throw new InvalidCorrectionException("lines[" + i + "].amount.amount", "must be positive");
            }
            if (line.side() == Side.DEBIT) {
                debits = Math.addExact(debits, line.amountMinor());
            }
            else {
                credits = Math.addExact(credits, line.amountMinor());
            }
        }
        if (debits != credits) {
            throw new InvalidCorrectionException("lines", "debits and credits must be equal");
        }
        return new LedgerCorrection(UUID.randomUUID(), transactionId, transactionCurrency, reason, correctsEntryId,
                lines, proposedBy, now);
    }

    /**
     * The second admin approves: the correction becomes a new journal entry (kind CORRECTION, reference
     * {@code correction:<id>}, pointing at the entry it corrects if any).
     *
     * @throws CorrectionApproverConflictException for the proposer (403)
     * @throws CorrectionDecidedException when already applied or rejected (409)
     */
    public JournalEntry approve(String approver, Instant now) {
        decide(approver);
        JournalEntry entry = new JournalEntry(UUID.randomUUID(), transactionId, JournalEntry.Kind.CORRECTION,
                currency, "correction:" + id, correctsEntryId, now,
                lines.stream().map(l -> l.posting(currency)).toList());
        status = Status.APPLIED;
        decidedBy = approver;
        decidedAt = now;
        entryId = entry.id();
        return entry;
    }

    /** The second admin rejects it, with a reason; nothing is posted. */
    public void reject(String decider, String why, Instant now) {
        decide(decider);
        status = Status.REJECTED;
        decidedBy = decider;
        decidedAt = now;
        decisionReason = why;
    }

    private void decide(String decider) {
        if (status != Status.PROPOSED) {
            throw new CorrectionDecidedException(status);
        }
        if (proposedBy.equals(decider)) {
            throw new CorrectionApproverConflictException();
        }
    }

    /** The persisted state, for {@link LedgerCorrections}. */
    record Row(UUID id, UUID transactionId, String currency, String reason, UUID correctsEntryId, List<Line> lines,
            String proposedBy, Instant proposedAt, Status status, String decidedBy, Instant decidedAt,
            String decisionReason, UUID entryId) {
    }

    Row row() {
        return new Row(id, transactionId, currency, reason, correctsEntryId, lines, proposedBy, proposedAt, status,
                decidedBy, decidedAt, decisionReason, entryId);
    }

    static LedgerCorrection fromRow(Row row) {
        LedgerCorrection c = new LedgerCorrection(row.id(), row.transactionId(), row.currency(), row.reason(),
                row.correctsEntryId(), row.lines(), row.proposedBy(), row.proposedAt());
        c.status = row.status();
        c.decidedBy = row.decidedBy();
        c.decidedAt = row.decidedAt();
        c.decisionReason = row.decisionReason();
        c.entryId = row.entryId();
        return c;
    }

    public UUID id() { return id; }
    public UUID transactionId() { return transactionId; }
    public String currency() { return currency; }
    public String reason() { return reason; }
    public UUID correctsEntryId() { return correctsEntryId; }
    public List<Line> lines() { return lines; }
    public String proposedBy() { return proposedBy; }
    public Instant proposedAt() { return proposedAt; }
    public Status status() { return status; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionReason() { return decisionReason; }
    public UUID entryId() { return entryId; }
}
