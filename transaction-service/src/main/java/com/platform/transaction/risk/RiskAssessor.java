package com.platform.transaction.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.platform.transaction.money.Money;

/** The real-time risk decision of T2/R1, as risk-service's internal API gives it. */
public interface RiskAssessor {

    record AssessmentRequest(UUID transactionId, String type, String payerId, UUID partnerId, Money amount,
            Instant occurredAt, String ip, String deviceId) {
    }

    record FiredRule(String ruleId, Integer version, String name, BigDecimal score, String action) {
    }

    record Assessment(String assessmentId, String decision, BigDecimal score, List<FiredRule> firedRules,
            String caseId) {
    }

    /**
     * Idempotent per transaction id (risk-service returns the stored assessment for a repeat).
     *
     * @throws com.platform.transaction.remote.DependencyUnavailableException when there is no decision
     */
    Assessment assess(AssessmentRequest request);
}
