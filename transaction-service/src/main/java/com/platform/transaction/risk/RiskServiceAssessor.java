package com.platform.transaction.risk;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.remote.DependencyUnavailableException;

/**
 * {@link RiskAssessor} over risk-service. Anything but a clear APPROVE, REVIEW or REJECT (for this transaction) is
 * no decision: the caller refuses with 503 RISK_UNAVAILABLE rather than approve without one (T2).
 */
@Component
class RiskServiceAssessor implements RiskAssessor {

    private static final Set<String> DECISIONS = Set.of("APPROVE", "REVIEW", "REJECT");

    private final RiskServiceClient client;

    RiskServiceAssessor(RiskServiceClient client) {
        this.client = client;
    }

    @Override
    public Assessment assess(AssessmentRequest request) {
        RiskServiceClient.AssessmentResponse response;
        try {
            response = client.assess(new RiskServiceClient.AssessmentRequest(request.transactionId(), request.type(),
                    request.payerId(), request.partnerId(), MoneyJson.of(request.amount()), request.occurredAt(),
                    request.ip(), request.deviceId()));
        }
        catch (DependencyUnavailableException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (response == null || response.decision() == null || !DECISIONS.contains(response.decision())
                || (response.transactionId() != null && !response.transactionId().equals(request.transactionId()))) {
            throw unavailable(null);
        }
        List<FiredRule> rules = response.firedRules() == null ? List.of() : response.firedRules().stream()
                .map(r -> new FiredRule(r.ruleId(), r.version(), r.name(), r.score(), r.action())).toList();
        return new Assessment(response.assessmentId(), response.decision(), response.score(), rules,
                response.caseId());
    }

    private static DependencyUnavailableException unavailable(Throwable cause) {
        return new DependencyUnavailableException("risk-service", "RISK_UNAVAILABLE", cause);
    }
}
