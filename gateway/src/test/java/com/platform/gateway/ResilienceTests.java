package com.platform.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceTests extends GatewayIntegrationTest {

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
}
