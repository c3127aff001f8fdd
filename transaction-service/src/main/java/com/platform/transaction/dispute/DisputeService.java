package com.platform.transaction.dispute;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.security.CurrentCaller;
import com.platform.transaction.ledger.JournalEntry;
import com.platform.transaction.ledger.Ledger;
import com.platform.transaction.money.Money;
import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.transaction.Access;
import com.platform.transaction.transaction.Transaction;
import com.platform.transaction.transaction.TransactionEvent;
import com.platform.transaction.transaction.TransactionNotFoundException;
import com.platform.transaction.transaction.TransactionService;
import com.platform.transaction.transaction.Transactions;

/**
 * Disputes (T7). Opening freezes the transaction's settlement; resolving refunds through the ledger (full: all
 * that escrow holds; partial: at most that), lifts the freeze and publishes {@code dispute.resolved} with the
 * outcome and the abusive flag user-service turns into a violation (U8). Lock order as everywhere: the transaction
 * row, then the dispute, then the ledger, outbox and audit.
 */
@Service
public class DisputeService {

    private final Transactions transactions;
    private final TransactionService transactionService;
    private final Disputes disputes;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final DisputeProperties properties;
    private final Clock clock;

    DisputeService(Transactions transactions, TransactionService transactionService, Disputes disputes,
            Ledger ledger, AuditTrail audit, DisputeProperties properties, Clock clock) {
        this.transactions = transactions;
        this.transactionService = transactionService;
        this.disputes = disputes;
        this.ledger = ledger;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Dispute open(UUID transactionId, String reason, String description, List<String> evidence,
            CurrentCaller caller) {
        Transaction transaction = transactions.lock(transactionId).orElseThrow(TransactionNotFoundException::new);
        if (!Access.isPayer(caller, transaction.payerId())) {
            throw new TransactionNotFoundException();
        }
        Instant now = clock.instant();
        Map<String, Object> before = TransactionService.snapshot(transaction);
        transaction.openDispute(properties.openingPeriod(), now);
        Dispute dispute = Dispute.open(transactionId, transaction.payerId(), transaction.partnerId(), reason,
                description, evidence, properties.resolutionDeadline(), now);
        transactionService.save(transaction, List.of(), "transaction.disputed", before, null);
        disputes.insert(dispute);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("disputeId", dispute.id());
        data.put("transactionId", transactionId);
        data.put("payerId", dispute.payerId());
        data.put("partnerId", dispute.partnerId());
        data.put("reason", reason);
        data.put("dueAt", dispute.dueAt());
        data.put("occurredAt", now);
        transactionService.publish(List.of(new TransactionEvent("dispute.opened", dispute.id().toString(), data)));
        audit.record("dispute.opened", "dispute", dispute.id().toString(), null, snapshot(dispute));
        return dispute;
    }

    public record Resolution(Dispute.Outcome outcome, Money refundAmount, String reason, boolean abusive) {
    }

    @Transactional
    public Dispute resolve(UUID disputeId, Resolution resolution, CurrentCaller caller) {
        Dispute found = disputes.find(disputeId).orElseThrow(DisputeNotFoundException::new);
        Transaction transaction = transactions.lock(found.transactionId()).orElseThrow();
        Dispute dispute = disputes.lock(disputeId).orElseThrow();
        if (dispute.status() != Dispute.Status.OPEN) {
            throw new DisputeResolvedException();
        }
        Instant now = clock.instant();
        Map<String, Object> before = TransactionService.snapshot(transaction);
        List<TransactionEvent> events = new ArrayList<>();
        Money refund = switch (resolution.outcome()) {
            case REFUND_FULL -> transaction.held();
            case REFUND_PARTIAL -> {
                if (!resolution.refundAmount().currency().equals(transaction.amount().currency())) {
                    throw new com.platform.transaction.transaction.CurrencyMismatchException(
                            transaction.amount().currency());
                }
                yield resolution.refundAmount();
            }
            case REJECTED -> null;
        };
        String actor = caller.actor();
        if (refund != null && refund.isPositive()) {
            events.addAll(transaction.refund(refund, "dispute " + disputeId + ": " + resolution.reason(), actor, now));
            ledger.post(JournalEntry.refund(transaction.id(), "dispute:" + disputeId, refund, now));
        }
        transaction.closeDispute(now);
        Dispute resolved = dispute.resolve(resolution.outcome(), refund, resolution.reason(), resolution.abusive(),
                actor, now);
        transactionService.save(transaction, events, "transaction.dispute-resolved", before, null);
        disputes.update(resolved);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("disputeId", disputeId);
        data.put("transactionId", transaction.id());
        data.put("payerId", dispute.payerId());
        data.put("partnerId", dispute.partnerId());
        data.put("outcome", resolution.outcome().name());
        data.put("refundAmount", refund == null ? null : MoneyJson.of(refund));
        data.put("abusive", resolution.abusive());
        data.put("reason", resolution.reason());
        data.put("occurredAt", now);
        transactionService.publish(List.of(new TransactionEvent("dispute.resolved", disputeId.toString(), data)));
        audit.record("dispute.resolved", "dispute", disputeId.toString(), snapshot(dispute), snapshot(resolved));
        return resolved;
    }

    @Transactional(readOnly = true)
    public Dispute get(UUID id, CurrentCaller caller) {
        Dispute dispute = disputes.find(id).orElseThrow(DisputeNotFoundException::new);
        if (!canSee(caller, dispute)) {
            throw new DisputeNotFoundException();
        }
        return dispute;
    }

    @Transactional(readOnly = true)
    public PageResponse<Dispute> list(CurrentCaller caller, Dispute.Status status, UUID transactionId,
            Boolean overdue, PageQuery page) {
        String payer = null;
        UUID partner = null;
        if (!caller.hasAnyRole("operator", "auditor", "admin")) {
            if (caller.hasAnyRole("user", "enterprise")) {
                payer = caller.subject();
            }
            else {
                partner = Access.partnerIdOf(caller);
                if (partner == null) {
                    return PageResponse.of(List.of(), page, 0);
                }
            }
        }
        Disputes.Page found = disputes.search(new Disputes.Filter(payer, partner, status, transactionId, overdue,
                clock.instant()), (int) page.offset(), page.size());
        return PageResponse.of(found.items(), page, found.total());
    }

    public Instant now() {
        return clock.instant();
    }

    private static boolean canSee(CurrentCaller caller, Dispute dispute) {
        return caller.hasAnyRole("operator", "auditor", "admin") || Access.isPayer(caller, dispute.payerId())
                || Access.isPartner(caller, dispute.partnerId());
    }

    private static Map<String, Object> snapshot(Dispute d) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", d.status().name());
        state.put("transactionId", d.transactionId().toString());
        if (d.outcome() != null) {
            state.put("outcome", d.outcome().name());
            state.put("refund", d.refund() == null ? null : d.refund().toString());
            state.put("abusive", d.abusive());
        }
        return state;
    }
}
