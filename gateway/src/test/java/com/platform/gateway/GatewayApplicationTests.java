package com.platform.gateway;

import org.junit.jupiter.api.Test;

class GatewayApplicationTests extends GatewayIntegrationTest {

    @Test
    void reportsReadinessAndMetricsWithoutAToken() {
        client().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void doesNotExposeTheRouteChangingActuatorEndpoint() {
        client().get().uri("/actuator/gateway/routes").header("Authorization", "Bearer " + freshUserToken("admin"))
                .exchange().expectStatus().isNotFound();
    }
}
