package com.platform.transaction.payer;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.platform.transaction.remote.DependencyUnavailableException;

/** user-service's internal API (contracts.md); the starter adds the service token to {@code /internal/} calls. */
@FeignClient(name = "user-service", url = "${transaction.clients.user-service-url}",
        fallbackFactory = UserServiceClient.Fallback.class)
interface UserServiceClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EligibilityResponse(String userId, String status, String level, Boolean canTransact) {
    }

    /** 404 (unknown user) is an empty answer, not a failure (dismiss404), so it never opens the circuit. */
    @GetMapping("/internal/v1/users/{id}/eligibility")
    Optional<EligibilityResponse> eligibility(@PathVariable("id") String userId);

    /** Circuit open, timeout, 5xx: no answer. */
    @Component
    class Fallback implements FallbackFactory<UserServiceClient> {

        @Override
        public UserServiceClient create(Throwable cause) {
            return userId -> {
                throw new DependencyUnavailableException("user-service", "USER_SERVICE_UNAVAILABLE", cause);
            };
        }
    }
}
