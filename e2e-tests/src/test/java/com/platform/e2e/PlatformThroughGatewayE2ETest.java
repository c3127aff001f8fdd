package com.platform.e2e;

import java.net.http.HttpResponse;
import java.util.Map;

import com.platform.localstack.LocalStack;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as a front end meets it: real Keycloak tokens, every service through its gateway route, the edge
 * refusing what it must, and a stopped service failing fast while the others answer.
 */
@ExtendWith(E2EStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformThroughGatewayE2ETest {

    private static final Map<String, String> TRAILS = Map.of("user-service", "users", "partner-service",
            "partners", "transaction-service", "transactions", "risk-service", "risk");

    @Test
    @Order(1)
    void everyDemoAccountGetsATokenWithItsRole() throws Exception {
        for (String username : new String[] {"admin", "operator", "operator2", "risk", "risk2", "auditor"}) {
            String token = Client.token(username);
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            assertThat(Client.JSON.readTree(payload).path("aud").toString()).contains("platform-api");
        }
    }

    @Test
    @Order(2)
    void everyServiceAnswersThroughItsRoute() throws Exception {
        String auditor = Client.token("auditor");
        for (String trail : TRAILS.values()) {
            HttpResponse<String> response = Client.get("/api/v1/audit/" + trail + "/verification", auditor);
            assertThat(response.statusCode()).as(trail).isEqualTo(200);
            assertThat(Client.json(response).path("valid").asBoolean()).isTrue();
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        }
    }

    @Test
    @Order(3)
    void noTokenIsUnauthorizedAtTheEdge() throws Exception {
        HttpResponse<String> response = Client.get("/api/v1/audit/users/events", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    @Order(4)
    void wrongRoleIsForbiddenByTheService() throws Exception {
        HttpResponse<String> response = Client.get("/api/v1/audit/users/events", Client.token("operator"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Client.json(response).path("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    @Order(5)
    void internalApisAreNotRoutedByTheGateway() throws Exception {
        HttpResponse<String> response = Client.get("/internal/v1/users/00000000-0000-0000-0000-000000000000/eligibility",
                Client.token("admin"));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(100)
    void aStoppedServiceFailsFastWhileTheOthersAnswer() throws Exception {
        LocalStack stack = E2EStack.get();
        String auditor = Client.token("auditor");
        stack.stop("risk-service");
        try {
            long begin = System.nanoTime();
            HttpResponse<String> down = Client.get("/api/v1/audit/risk/verification", auditor);
            long tookMillis = (System.nanoTime() - begin) / 1_000_000;

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(Client.json(down).path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(Client.json(down).path("detail").asString()).contains("risk-service");
            assertThat(tookMillis).as("fails fast instead of hanging").isLessThan(5_000);
            assertThat(Client.get("/api/v1/audit/users/verification", auditor).statusCode()).isEqualTo(200);
        }
        finally {
            // the other journeys need risk-service: the stack is shared by every end-to-end test
            stack.startAgain("risk-service");
        }
        // back on its data, and the gateway routes to it again once its breaker lets a call through
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofSeconds(2))
                .until(() -> Client.get("/api/v1/audit/risk/verification", auditor).statusCode() == 200);
    }
}
