package com.platform.transaction.partner;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.platform.transaction.remote.DependencyUnavailableException;

/** partner-service's internal API (contracts.md). */
@FeignClient(name = "partner-service", url = "${transaction.clients.partner-service-url}",
        fallbackFactory = PartnerServiceClient.Fallback.class)
interface PartnerServiceClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EligibilityResponse(UUID partnerId, String type, String status, String grade, Boolean agreementActive,
            String commissionRate, Integer fulfilmentDays, String agreementId, Integer agreementVersion) {
    }

    @GetMapping("/internal/v1/partners/{id}/eligibility")
    Optional<EligibilityResponse> eligibility(@PathVariable("id") UUID partnerId);

    @Component
    class Fallback implements FallbackFactory<PartnerServiceClient> {

        @Override
        public PartnerServiceClient create(Throwable cause) {
            return partnerId -> {
                throw new DependencyUnavailableException("partner-service", "PARTNER_SERVICE_UNAVAILABLE", cause);
            };
        }
    }
}
