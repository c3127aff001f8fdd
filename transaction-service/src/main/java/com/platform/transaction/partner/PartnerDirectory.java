package com.platform.transaction.partner;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** What transaction-service needs to know about a partner (T2), as partner-service's internal API answers it. */
public interface PartnerDirectory {

    record PartnerEligibility(UUID partnerId, String type, String status, String grade, boolean agreementActive,
            BigDecimal commissionRate, Integer fulfilmentDays, String agreementId, Integer agreementVersion) {
    }

    /**
     * @return empty for an unknown partner
     * @throws com.platform.transaction.remote.DependencyUnavailableException when partner-service gives no answer
     */
    Optional<PartnerEligibility> eligibility(UUID partnerId);
}
