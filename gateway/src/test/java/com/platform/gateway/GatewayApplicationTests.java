package com.platform.gateway;

import org.junit.jupiter.api.Test;

class GatewayApplicationTests extends GatewayIntegrationTest {

    @Test
    void reportsReadinessWithoutAToken() {
        client().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
