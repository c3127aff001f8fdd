package com.platform.gateway;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RateLimitAndSizeTests extends GatewayIntegrationTest {

    @Test
    void aPersonOverTheLimitGets429WithRetryAfterWhileOthersGoOn() {
        String busy = freshUserToken();
        for (int i = 0; i < 20; i++) {
            client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + busy).exchange()
                    .expectStatus().isOk();
        }
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + busy).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + freshUserToken()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aPartnersSystemsShareThePartnersQuota() {
        String partnerId = UUID.randomUUID().toString();
        String system = tokens.token("service-account-partner-a", partnerId, "partner");
        String staff = tokens.token(UUID.randomUUID().toString(), partnerId, "partner");
        for (int i = 0; i < 8; i++) {
            client().get().uri("/api/v1/transactions").header("Authorization", "Bearer " + (i % 2 == 0 ? system
                    : staff)).exchange().expectStatus().isOk();
        }
        client().get().uri("/api/v1/transactions").header("Authorization", "Bearer " + staff).exchange()
                .expectStatus().isEqualTo(429);
        client().get().uri("/api/v1/transactions").header("Authorization", "Bearer "
                + tokens.token("other", UUID.randomUUID().toString(), "partner")).exchange().expectStatus().isOk();
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        client().post().uri("/api/v1/transactions").header("Authorization", "Bearer " + freshUserToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"description\":\"" + "x".repeat(2000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
    }
}
