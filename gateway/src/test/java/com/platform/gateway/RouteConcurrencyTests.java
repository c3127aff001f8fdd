package com.platform.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route's bulkhead (at most {@code GATEWAY_ROUTE_CONCURRENCY} upstream calls in flight, 3 in the tests) sheds the
 * excess of a burst with a fast 503 and never opens the route's breaker: a load spike does not take a healthy
 * service off the edge.
 */
class RouteConcurrencyTests extends GatewayIntegrationTest {

    private static final String SERVICE = "transaction-service";
    private static final String HELD = "/api/v1/transactions/held";

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    BulkheadRegistry bulkheads;

    @Test
    void theRouteBulkheadTakesItsLimitFromTheResilience4jRegistry() {
        get("/api/v1/transactions", freshUserToken()).expectStatus().isOk();

        Bulkhead bulkhead = bulkheads.find(SERVICE).orElseThrow();
        assertThat(bulkhead.getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(ROUTE_CONCURRENCY);
        assertThat(bulkhead.getBulkheadConfig().getMaxWaitDuration()).isZero();
    }

    @Test
    void aBurstAboveTheLimitGetsFast503sAndTheBreakerStaysClosed() throws Exception {
        get("/api/v1/transactions", freshUserToken()).expectStatus().isOk();
        CircuitBreaker breaker = breakers.find(SERVICE).orElseThrow();
        breaker.reset();
        Bulkhead bulkhead = bulkheads.find(SERVICE).orElseThrow();

        Upstreams.Hold hold = upstreams.hold();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String heldToken = freshUserToken();
            for (int i = 0; i < ROUTE_CONCURRENCY; i++) {
                held.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + HELD))
                        .header("Authorization", "Bearer " + heldToken).build(), HttpResponse.BodyHandlers.ofString()));
            }
            try {
                assertThat(hold.awaitArrivals(ROUTE_CONCURRENCY)).as("the held requests reach the service").isTrue();
                assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isZero();

                // more rejected calls than the breaker's minimum number of calls (10), all of them "failures" if
                // rejections counted
                String burstToken = freshUserToken();
                for (int i = 0; i < 12; i++) {
                    get(HELD, burstToken)
                            .expectStatus().isEqualTo(503)
                            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody()
                            .jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE")
                            .jsonPath("$.detail").isEqualTo(SERVICE + " is unavailable.")
                            .jsonPath("$.requestId").exists();
                }
                // answered while the service still held the first calls: no rejected call waited for a permit,
                // and none reached the service
                assertThat(hold.arrivals()).isEqualTo(ROUTE_CONCURRENCY);
                assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
                assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
                // the other routes have their own bulkheads
                get("/api/v1/users/me", freshUserToken()).expectStatus().isOk();
            }
            finally {
                hold.release();
            }
            for (CompletableFuture<HttpResponse<String>> response : held) {
                assertThat(response.join().statusCode()).isEqualTo(200);
            }
        }

        // the held calls are done, so their permits are back: the route serves again at once
        String afterToken = freshUserToken();
        for (int i = 0; i < ROUTE_CONCURRENCY + 1; i++) {
            get("/api/v1/transactions", afterToken).expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo(SERVICE);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(ROUTE_CONCURRENCY + ROUTE_CONCURRENCY + 1);
        assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(ROUTE_CONCURRENCY);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String path, String token) {
        return client().get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }
}
