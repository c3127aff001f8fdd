package com.platform.gateway;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceTests extends GatewayIntegrationTest {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void aStoppedServiceGivesAFast503NamingItWhileOtherRoutesWork() {
        String token = freshUserToken();
        upstreams.stop("risk-service");
        try {
            long begin = System.nanoTime();
            client().get().uri("/api/v1/risk/rules").header("Authorization", "Bearer " + token).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                    .jsonPath("$.detail").isEqualTo("risk-service is unavailable.")
                    .jsonPath("$.requestId").exists();
            assertThat((System.nanoTime() - begin) / 1_000_000).as("fails fast").isLessThan(3_000);
            client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + token).exchange()
                    .expectStatus().isOk();
        }
        finally {
            upstreams.restart("risk-service");
        }
    }

    @Test
    void aSlowServiceGivesA504InsteadOfHanging() {
        client().get().uri("/api/v1/partners/slow").header("Authorization", "Bearer " + freshUserToken()).exchange()
                .expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.code").isEqualTo("GATEWAY_TIMEOUT")
                .jsonPath("$.detail").isEqualTo("partner-service did not answer in time.");
    }

    @Test
    void anAuditVerificationMayTakeLongerThanOtherRequests() {
        // the upstream answers a verification after 7 s: the other routes would have given 504 after 5 s
        client().mutate().responseTimeout(Duration.ofSeconds(20)).build()
                .get().uri("/api/v1/audit/partners/verification")
                .header("Authorization", "Bearer " + freshUserToken("auditor")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("partner-service")
                .jsonPath("$.path").isEqualTo("/api/v1/audit/partners/verification");
    }

    @Test
    void aServiceThatCannotBeReachedStillOpensItsBreaker() {
        String token = freshUserToken();
        client().get().uri("/api/v1/partners/1").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk();
        CircuitBreaker breaker = breakers.find("partner-service").orElseThrow();
        breaker.reset();
        upstreams.stop("partner-service");
        try {
            // the breaker's minimum number of calls, all refused connections
            for (int i = 0; i < 10; i++) {
                client().get().uri("/api/v1/partners/1").header("Authorization", "Bearer " + token).exchange()
                        .expectStatus().isEqualTo(503)
                        .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(10);

            upstreams.restart("partner-service");
            // open: the gateway does not call the service although it is back, and answers with the same problem
            client().get().uri("/api/v1/partners/1").header("Authorization", "Bearer " + token).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                    .jsonPath("$.detail").isEqualTo("partner-service is unavailable.");
            assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);
        }
        finally {
            upstreams.restartIfStopped("partner-service");
            // other tests use this route: do not leave it open for 10 s
            breaker.reset();
        }
    }
}
