package com.platform.transaction.payer;

import java.util.Optional;

/** What transaction-service needs to know about a payer (T2), as user-service's internal API answers it. */
public interface PayerDirectory {

    record PayerEligibility(String userId, String status, String level, boolean canTransact) {
    }

    /**
     * @return empty for an unknown user
     * @throws com.platform.transaction.remote.DependencyUnavailableException when user-service gives no answer
     */
    Optional<PayerEligibility> eligibility(String userId);
}
