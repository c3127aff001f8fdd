package com.platform.transaction.payer;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.platform.transaction.remote.DependencyUnavailableException;

/** {@link PayerDirectory} over user-service's internal API; an incomplete answer is no answer. */
@Component
class UserServicePayerDirectory implements PayerDirectory {

    private final UserServiceClient client;

    UserServicePayerDirectory(UserServiceClient client) {
        this.client = client;
    }

    @Override
    public Optional<PayerEligibility> eligibility(String userId) {
        Optional<UserServiceClient.EligibilityResponse> answer;
        try {
            answer = client.eligibility(userId);
        }
        catch (DependencyUnavailableException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new DependencyUnavailableException("user-service", "USER_SERVICE_UNAVAILABLE", e);
        }
        if (answer == null) {
            return Optional.empty();
        }
        return answer.map(r -> {
            if (r.status() == null || r.level() == null || r.canTransact() == null) {
                throw new DependencyUnavailableException("user-service", "USER_SERVICE_UNAVAILABLE", null);
            }
            return new PayerEligibility(r.userId(), r.status(), r.level(), r.canTransact());
        });
    }
}
