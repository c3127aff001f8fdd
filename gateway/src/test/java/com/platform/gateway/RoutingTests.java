package com.platform.gateway;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RoutingTests extends GatewayIntegrationTest {

    private static final Map<String, String> ROUTES = Map.ofEntries(
            Map.entry("/api/v1/users/me", "user-service"),
            Map.entry("/api/v1/access-reviews/1", "user-service"),
            Map.entry("/api/v1/feedback", "user-service"),
            Map.entry("/api/v1/appeals/1/decision", "user-service"),
            Map.entry("/api/v1/audit/users/events", "user-service"),
            Map.entry("/api/v1/partner-applications", "partner-service"),
            Map.entry("/api/v1/partners/1/evaluations", "partner-service"),
            Map.entry("/api/v1/audit/partners/events", "partner-service"),
            Map.entry("/api/v1/transactions", "transaction-service"),
            Map.entry("/api/v1/disputes/1", "transaction-service"),
            Map.entry("/api/v1/ledger/trial-balance", "transaction-service"),
            Map.entry("/api/v1/audit/transactions/events", "transaction-service"),
            Map.entry("/api/v1/risk/rules", "risk-service"),
            Map.entry("/api/v1/audit/risk/events", "risk-service"));

    @Test
    void eachPathReachesItsServiceWithTheTokenAndARequestId() {
        String token = freshUserToken();
        ROUTES.forEach((path, service) -> client().get().uri(path).header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo(path)
                .jsonPath("$.token").isEqualTo(true)
                .jsonPath("$.requestId").value(id -> org.assertj.core.api.Assertions.assertThat((String) id)
                        .isNotEqualTo("null")));
    }

    @Test
    void internalApisAreNeverRouted() {
        client().get().uri("/internal/v1/users/42/eligibility").header("Authorization", "Bearer " + freshUserToken())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void unknownPathsAreNotFoundProblems() {
        client().get().uri("/api/v1/nothing").header("Authorization", "Bearer " + freshUserToken())
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND").jsonPath("$.requestId").exists();
    }

    @Test
    void registrationIsPublic() {
        client().post().uri("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("user-service").jsonPath("$.token").isEqualTo(false);
    }

    @Test
    void everyServiceDocumentIsBrowsableFromOneSwaggerUi() {
        client().get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].name").value(names -> org.assertj.core.api.Assertions.assertThat(
                        names.toString()).contains("user-service", "partner-service", "transaction-service",
                        "risk-service"));
        client().get().uri("/api-docs/partner-service").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("partner-service")
                .jsonPath("$.path").isEqualTo("/v3/api-docs")
                .jsonPath("$.forwardedHost").isEqualTo("localhost:" + port);
    }
}
