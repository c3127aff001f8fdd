package com.platform.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge shows the load balancer its probes and nothing else of the actuator without the admin role. */
class ActuatorExposureTests extends GatewayIntegrationTest {

    private static final List<String> OPERATIONAL = List.of("/actuator", "/actuator/prometheus", "/actuator/metrics",
            "/actuator/metrics/jvm.memory.used", "/actuator/info", "/actuator/env", "/actuator/configprops",
            "/actuator/loggers", "/actuator/heapdump", "/actuator/gateway/routes", "/actuator/health/rateLimitStore",
            "/actuator/health/partnerQuotas",
            "/actuator/health/diskSpace");

    private static final List<String> PROBES = List.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");

    @Test
    void anonymousCallersGet401OnEveryOperationalEndpoint() {
        OPERATIONAL.forEach(path -> client().get().uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED"));
    }

    @Test
    void ordinaryUsersPartnersAndOperatorsGet403OnEveryOperationalEndpoint() {
        List<String> callers = List.of(freshUserToken(), freshUserToken("operator", "auditor"),
                tokens.token("service-account-partner", "p-1", "partner"));
        callers.forEach(token -> OPERATIONAL.forEach(path -> client().get().uri(path)
                .header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN")));
    }

    @Test
    void probesArePublicAndShowTheStatusOnlyToAnyoneButAdmins() {
        for (String token : new String[] {null, freshUserToken()}) {
            PROBES.forEach(path -> {
                var request = client().get().uri(path);
                if (token != null) {
                    request = request.header("Authorization", "Bearer " + token);
                }
                request.exchange()
                        .expectBody()
                        .jsonPath("$.status").exists()
                        .jsonPath("$.components").doesNotExist()
                        .jsonPath("$.details").doesNotExist();
            });
        }
        client().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void adminsSeeMetricsAndHealthDetails() {
        String admin = freshUserToken("admin");
        client().get().uri("/actuator/prometheus").header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        client().get().uri("/actuator/health").header("Authorization", "Bearer " + admin).exchange()
                .expectBody()
                .jsonPath("$.components.rateLimitStore.status").isEqualTo("UP")
                .jsonPath("$.components.partnerQuotas.status").isEqualTo("UP")
                .jsonPath("$.components.partnerQuotas.details.loaded").isEqualTo(true);
    }

    @Test
    void theRouteChangingGatewayEndpointIsNotThereEvenForAdmins() {
        client().get().uri("/actuator/gateway/routes").header("Authorization", "Bearer " + freshUserToken("admin"))
                .exchange().expectStatus().isNotFound();
    }
}
