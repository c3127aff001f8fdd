package com.platform.transaction.transaction;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.platform.transaction.partner.PartnerDirectory;
import com.platform.transaction.partner.PartnerDirectory.PartnerEligibility;
import com.platform.transaction.payer.PayerDirectory;
import com.platform.transaction.payer.PayerDirectory.PayerEligibility;
import com.platform.transaction.risk.RiskAssessor;

/**
 * T2's risk-control steps in order: payer eligibility, partner eligibility, risk decision. Each step is recorded
 * on the transaction. A refusal is a {@link NotEligibleException} (403) and a check that cannot be made a
 * {@link com.platform.transaction.remote.DependencyUnavailableException} (503); either way nothing is written. The
 * agreement's commission rate and fulfilment days are captured from the partner's answer.
 */
@Component
class TransactionCreation {

    private final PayerDirectory payers;
    private final PartnerDirectory partners;
    private final RiskAssessor risk;
    private final EligibilityPolicy policy;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TransactionCreation(PayerDirectory payers, PartnerDirectory partners, RiskAssessor risk, EligibilityPolicy policy,
            JdbcTemplate jdbc, Clock clock) {
        this.payers = payers;
        this.partners = partners;
        this.risk = risk;
        this.policy = policy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Transaction.Created create(String payerId, TransactionService.CreateCommand command) {
        List<Transaction.Step> steps = new ArrayList<>();
        PayerEligibility payer = payers.eligibility(payerId)
                .orElseThrow(() -> new NotEligibleException(NotEligibleException.USER, "the account is unknown"));
        policy.payerRefusal(payer, command.type(), command.amount()).ifPresent(reason -> {
            throw new NotEligibleException(NotEligibleException.USER, reason);
        });
        steps.add(new Transaction.Step("PAYER_ELIGIBILITY", "PASSED",
                "status " + payer.status() + ", level " + payer.level(), clock.instant()));

        PartnerEligibility partner = partners.eligibility(command.partnerId())
                .orElseThrow(() -> new NotEligibleException(NotEligibleException.PARTNER, "the partner is unknown"));
        policy.partnerRefusal(partner, command.type()).ifPresent(reason -> {
            throw new NotEligibleException(NotEligibleException.PARTNER, reason);
        });
        steps.add(new Transaction.Step("PARTNER_ELIGIBILITY", "PASSED", partner.type() + " " + partner.status()
                + ", agreement " + partner.agreementId() + " v" + partner.agreementVersion(), clock.instant()));

        UUID id = UUID.randomUUID();
        Instant occurredAt = clock.instant();
        RiskAssessor.Assessment assessment = risk.assess(new RiskAssessor.AssessmentRequest(id, command.type().name(),
                payerId, command.partnerId(), command.amount(), occurredAt, command.ip(), command.deviceId()));
        List<String> reasons = assessment.firedRules().stream()
                .map(r -> r.name() != null ? r.name() : r.ruleId()).toList();
        steps.add(new Transaction.Step("RISK_DECISION", assessment.decision(),
                "score " + (assessment.score() == null ? "-" : assessment.score().toPlainString())
                        + (reasons.isEmpty() ? "" : ", rules " + String.join(", ", reasons)), clock.instant()));

        BigDecimal rate = partner.commissionRate();
        Transaction.Terms terms = new Transaction.Terms(rate, partner.fulfilmentDays(), partner.agreementId(),
                partner.agreementVersion());
        Transaction.Risk decision = new Transaction.Risk(assessment.decision(), assessment.score(),
                assessment.assessmentId(), assessment.caseId(), reasons);
        return Transaction.create(id, payerId, command.partnerId(), command.type(), command.amount(),
                command.description(), command.details(), terms, decision, steps, clock.instant());
    }

    record EarlyDecision(boolean approve, String reason, String actor) {
    }

    /** A case decision that arrived before the transaction was stored (events may overtake the HTTP answer). */
    Optional<EarlyDecision> earlyCaseDecision(UUID transactionId) {
        return jdbc.query("""
                update risk_case_decision set applied = true where transaction_id = ? and not applied
                returning decision, reason, case_id
                """, (rs, i) -> new EarlyDecision("APPROVE".equals(rs.getString(1)), rs.getString(2),
                "risk-case:" + rs.getString(3)), transactionId).stream().findFirst();
    }
}
