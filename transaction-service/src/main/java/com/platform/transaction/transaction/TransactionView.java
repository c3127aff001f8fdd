package com.platform.transaction.transaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.platform.transaction.money.MoneyJson;

/**
 * A transaction as api.md shows it; {@code history} only on a single read. {@code commissionRate} is a decimal
 * string with the agreement's four places ({@code "0.0500"} = 5 %), as partner-service gives it: never a JSON
 * number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionView(UUID id, String type, String status, String payerId, UUID partnerId, MoneyJson amount,
        MoneyJson refundedAmount, MoneyJson heldAmount, String description, Map<String, Object> details,
        RiskView risk, List<Transaction.Step> steps, String commissionRate, int fulfilmentDays,
        String agreementId, Integer agreementVersion, String statusReason, String lastPaymentFailure,
        boolean disputed, Instant createdAt, Instant updatedAt, Instant decidedAt, Instant confirmedAt,
        Instant paidAt, Instant fulfilmentDueAt, Instant fulfilledAt, Instant settledAt, Instant cancelledAt,
        Instant refundedAt, List<Transaction.Transition> history) {

    public record RiskView(String decision, BigDecimal score, List<String> reasons, String assessmentId,
            String caseId) {
    }

    public static TransactionView of(Transaction t) {
        return of(t, null);
    }

    public static TransactionView of(Transaction t, List<Transaction.Transition> history) {
        return new TransactionView(t.id(), t.type().name(), t.status().name(), t.payerId(), t.partnerId(),
                MoneyJson.of(t.amount()), MoneyJson.of(t.refunded()), MoneyJson.of(t.held()), t.description(),
                t.details(), new RiskView(t.risk().decision(), t.risk().score(), t.risk().reasons(),
                        t.risk().assessmentId(), t.risk().caseId()),
                t.steps(), rateText(t.terms().commissionRate()), t.terms().fulfilmentDays(), t.terms().agreementId(),
                t.terms().agreementVersion(), t.statusReason(), t.lastPaymentFailure(), t.disputed(), t.createdAt(),
                t.updatedAt(), t.decidedAt(), t.confirmedAt(), t.paidAt(), t.fulfilmentDueAt(), t.fulfilledAt(),
                t.settledAt(), t.cancelledAt(), t.refundedAt(), history);
    }

    /** The rate as api.md writes one: plain decimal text with the agreement's scale. */
    static String rateText(BigDecimal rate) {
        return rate == null ? null : rate.setScale(Transaction.Terms.RATE_SCALE, RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}
