package com.platform.transaction.partner;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.platform.transaction.remote.DependencyUnavailableException;

/** {@link PartnerDirectory} over partner-service's internal API; a malformed answer is no answer. */
@Component
class PartnerServicePartnerDirectory implements PartnerDirectory {

    private final PartnerServiceClient client;

    PartnerServicePartnerDirectory(PartnerServiceClient client) {
        this.client = client;
    }

    @Override
    public Optional<PartnerEligibility> eligibility(UUID partnerId) {
        Optional<PartnerServiceClient.EligibilityResponse> answer;
        try {
            answer = client.eligibility(partnerId);
        }
        catch (DependencyUnavailableException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (answer == null) {
            return Optional.empty();
        }
        return answer.map(r -> {
            if (r.type() == null || r.status() == null || r.agreementActive() == null) {
                throw unavailable(null);
            }
            BigDecimal rate;
            try {
                rate = r.commissionRate() == null ? null : new BigDecimal(r.commissionRate());
            }
            catch (NumberFormatException e) {
                throw unavailable(e);
            }
            return new PartnerEligibility(partnerId, r.type(), r.status(), r.grade(), r.agreementActive(), rate,
                    r.fulfilmentDays(), r.agreementId(), r.agreementVersion());
        });
    }

    private static DependencyUnavailableException unavailable(Throwable cause) {
        return new DependencyUnavailableException("partner-service", "PARTNER_SERVICE_UNAVAILABLE", cause);
    }
}
