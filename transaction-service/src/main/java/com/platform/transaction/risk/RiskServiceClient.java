package com.platform.transaction.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.remote.DependencyUnavailableException;

/** risk-service's internal API (contracts.md). */
@FeignClient(name = "risk-service", url = "${transaction.clients.risk-service-url}",
        fallbackFactory = RiskServiceClient.Fallback.class)
interface RiskServiceClient {

    record AssessmentRequest(UUID transactionId, String type, String payerId, UUID partnerId, MoneyJson amount,
            Instant occurredAt, String ip, String deviceId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FiredRule(String ruleId, Integer version, String name, BigDecimal score, String action) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AssessmentResponse(String assessmentId, UUID transactionId, String decision, BigDecimal score,
            List<FiredRule> firedRules, String caseId) {
    }

    @PostMapping(path = "/internal/v1/risk/assessments", consumes = "application/json")
    AssessmentResponse assess(@RequestBody AssessmentRequest request);

    @Component
    class Fallback implements FallbackFactory<RiskServiceClient> {

        @Override
        public RiskServiceClient create(Throwable cause) {
            return request -> {
                throw new DependencyUnavailableException("risk-service", "RISK_UNAVAILABLE", cause);
            };
        }
    }
}
