package com.platform.gateway;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.ObservationWebFilterChainDecorator;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeSecurityTests extends GatewayIntegrationTest {

    @Autowired
    WebSessionManager sessions;

    /**
     * The edge is stateless: neither a routed call with a token nor a refused one without gets a web session (looking
     * one up for the security context or a saved request created one per request, each costing a SecureRandom id and
     * two scheduler hops).
     */
    @Test
    void noRequestCreatesAWebSession() {
        DefaultWebSessionManager manager = (DefaultWebSessionManager) sessions;
        var original = manager.getSessionStore();
        AtomicInteger created = new AtomicInteger();
        manager.setSessionStore(new InMemoryWebSessionStore() {
            @Override
            public Mono<WebSession> createWebSession() {
                created.incrementAndGet();
                return super.createWebSession();
            }
        });
        try {
            client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + freshUserToken()).exchange()
                    .expectStatus().isOk();
            client().get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized();
            client().get().uri("/api/v1/registrations/1").exchange().expectStatus().isOk();
            assertThat(created).hasValue(0);
        }
        finally {
            manager.setSessionStore(original);
        }
    }

    @Autowired
    WebFilterChainProxy securityFilters;

    @Autowired
    MeterRegistry meters;

    /** Not even no-op observations: the security filters are not wrapped one by one on each request. */
    @Test
    void securityFiltersAreNotDecoratedForObservation() {
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + freshUserToken()).exchange()
                .expectStatus().isOk();
        assertThat(ReflectionTestUtils.getField(securityFilters, "filterChainDecorator")).isNotNull()
                .isNotInstanceOf(ObservationWebFilterChainDecorator.class);
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security."));
    }

    @Test
    void noTokenIsUnauthorizedProblemWithRequestId() {
        client().get().uri("/api/v1/users/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void invalidTokenIsUnauthorized() {
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("The access token is not valid.");
    }

    @Test
    void givenRequestIdIsPassedOnAndEchoed() {
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + freshUserToken())
                .header("X-Request-Id", "front-end-123").exchange()
                .expectHeader().valueEquals("X-Request-Id", "front-end-123")
                .expectBody().jsonPath("$.requestId").isEqualTo("front-end-123");
    }

    @Test
    void hostileRequestIdIsReplaced() {
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + freshUserToken())
                .header("X-Request-Id", "<script>alert(1)</script>").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + freshUserToken()).exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"));
    }

    @Test
    void corsPreflightFromAnAllowedOriginSucceeds() {
        client().options().uri("/api/v1/transactions")
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Idempotency-Key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", ALLOWED_ORIGIN);
    }

    @Test
    void corsFromAnotherOriginIsRefused() {
        client().options().uri("/api/v1/transactions")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
