package com.platform.transaction.correction;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.outbox.Outbox;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.transaction.ledger.JournalEntry;
import com.platform.transaction.ledger.Ledger;
import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.transaction.Transaction;
import com.platform.transaction.transaction.TransactionEvent;
import com.platform.transaction.transaction.TransactionNotFoundException;
import com.platform.transaction.transaction.Transactions;

/**
 * Ledger corrections (T6) with four eyes. Lock order as everywhere: the transaction row first, then the
 * correction, then the ledger entry, the outbox row and the audit entry last.
 */
@Service
public class LedgerCorrectionService {

    private final Transactions transactions;
    private final LedgerCorrections corrections;
    private final Ledger ledger;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    LedgerCorrectionService(Transactions transactions, LedgerCorrections corrections, Ledger ledger, Outbox outbox,
            AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.corrections = corrections;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an admin proposes: lines with their currencies as sent (checked against the transaction's). */
    public record Proposal(UUID transactionId, String reason, UUID correctsEntryId, List<LedgerCorrection.Line> lines,
            List<String> lineCurrencies) {
    }

    @Transactional
    public LedgerCorrection propose(Proposal proposal, String admin) {
        Transaction transaction = transactions.lock(proposal.transactionId())
                .orElseThrow(TransactionNotFoundException::new);
        if (proposal.correctsEntryId() != null && ledger.journalOf(transaction.id()).stream()
                .noneMatch(e -> e.id().equals(proposal.correctsEntryId()))) {
            throw new InvalidCorrectionException("correctsEntryId", "must be a journal entry of the transaction");
        }
        Instant now = clock.instant();
        LedgerCorrection correction = LedgerCorrection.propose(transaction.id(), transaction.amount().currency(),
                proposal.reason(), proposal.correctsEntryId(), proposal.lines(), proposal.lineCurrencies(), admin,
                now);
        corrections.insert(correction);
        publish("ledger.correction-proposed", correction, now);
        audit.record("ledger.correction-proposed", "ledger-correction", correction.id().toString(), null,
                snapshot(correction));
        return correction;
    }

    /** The second admin's approval posts the entry; the trial balance stays zero (the entry balances). */
    @Transactional
    public LedgerCorrection approve(UUID id, String admin) {
        LedgerCorrection known = corrections.find(id).orElseThrow(CorrectionNotFoundException::new);
        transactions.lock(known.transactionId()).orElseThrow();
        LedgerCorrection correction = corrections.lock(id).orElseThrow(CorrectionNotFoundException::new);
        Map<String, Object> before = snapshot(correction);
        Instant now = clock.instant();
        JournalEntry entry = correction.approve(admin, now);
        ledger.post(entry);
        corrections.update(correction);
        publish("ledger.correction-applied", correction, now);
        audit.record("ledger.correction-applied", "ledger-correction", id.toString(), before, snapshot(correction));
        return correction;
    }

    @Transactional
    public LedgerCorrection reject(UUID id, String reason, String admin) {
        LedgerCorrection known = corrections.find(id).orElseThrow(CorrectionNotFoundException::new);
        transactions.lock(known.transactionId()).orElseThrow();
        LedgerCorrection correction = corrections.lock(id).orElseThrow(CorrectionNotFoundException::new);
        Map<String, Object> before = snapshot(correction);
        Instant now = clock.instant();
        correction.reject(admin, reason, now);
        corrections.update(correction);
        publish("ledger.correction-rejected", correction, now);
        audit.record("ledger.correction-rejected", "ledger-correction", id.toString(), before, snapshot(correction));
        return correction;
    }

    @Transactional(readOnly = true)
    public LedgerCorrection get(UUID id) {
        return corrections.find(id).orElseThrow(CorrectionNotFoundException::new);
    }

    @Transactional(readOnly = true)
    public PageResponse<LedgerCorrection> list(LedgerCorrection.Status status, UUID transactionId, PageQuery page) {
        return PageResponse.of(corrections.list(status, transactionId, page.size(), page.offset()), page,
                corrections.count(status, transactionId));
    }

    /** Ids, amounts and reasons only: the admins are named in the audit trail, not in events. */
    private void publish(String type, LedgerCorrection c, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("correctionId", c.id());
        data.put("transactionId", c.transactionId());
        data.put("status", c.status().name());
        data.put("reason", c.reason());
        data.put("correctsEntryId", c.correctsEntryId());
        data.put("entryId", c.entryId());
        data.put("lines", lines(c));
        data.put("occurredAt", now);
        outbox.record(TransactionEvent.TOPIC, "ledger-correction", c.id().toString(), type, data);
    }

    static List<Map<String, Object>> lines(LedgerCorrection c) {
        return c.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("account", l.account().name());
            line.put("side", l.side().name());
            line.put("amount", MoneyJson.of(com.platform.transaction.money.Money.ofMinor(l.amountMinor(),
                    c.currency())));
            return line;
        }).toList();
    }

    private static Map<String, Object> snapshot(LedgerCorrection c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", c.status().name());
        state.put("transactionId", c.transactionId().toString());
        state.put("lines", lines(c).toString());
        state.put("entryId", c.entryId() == null ? null : c.entryId().toString());
        return state;
    }
}
