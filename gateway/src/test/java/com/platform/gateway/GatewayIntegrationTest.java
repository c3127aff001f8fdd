package com.platform.gateway;

import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway for all tests, on a real port, in front of stand-in services and a stand-in token issuer. Keep the
 * annotations here only, so that every test class shares this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    static final Upstreams upstreams = new Upstreams();
    static final EdgeTokens tokens = new EdgeTokens();
    /** The rate limits live in Redis, as with several instances in production. */
    protected static final RateLimitRedis redis = new RateLimitRedis();
    static final String ALLOWED_ORIGIN = "http://app.example";
    static final int ROUTE_CONCURRENCY = 3;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        registry.add("USER_SERVICE_URL", () -> upstreams.url("user-service"));
        registry.add("PARTNER_SERVICE_URL", () -> upstreams.url("partner-service"));
        registry.add("TRANSACTION_SERVICE_URL", () -> upstreams.url("transaction-service"));
        registry.add("RISK_SERVICE_URL", () -> upstreams.url("risk-service"));
        registry.add("KEYCLOAK_ISSUER_URI", tokens::issuer);
        // long enough that requests the concurrency tests hold at a service never time out while held
        registry.add("GATEWAY_RESPONSE_TIMEOUT", () -> "5s");
        registry.add("GATEWAY_TIME_LIMIT", () -> "6s");
        // few, so that a test can fill a route's bulkhead (RouteConcurrencyTests)
        registry.add("GATEWAY_ROUTE_CONCURRENCY", () -> String.valueOf(ROUTE_CONCURRENCY));
        registry.add("GATEWAY_MAX_REQUEST_SIZE", () -> "1KB");
        registry.add("PLATFORM_CORS_ORIGINS", () -> ALLOWED_ORIGIN);
        registry.add("RATE_LIMIT_USER_PER_MINUTE", () -> "20");
        registry.add("RATE_LIMIT_PARTNER_PER_MINUTE", () -> "8");
        // few, so that a bucket refills (one token per 12 s) far slower than a test empties it
        registry.add("RATE_LIMIT_ANONYMOUS_PER_MINUTE", () -> "5");
        registry.add("RATE_LIMIT_REDIS_URL", redis::url);
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(15)).build();
    }

    /** A token of a fresh person, so that rate limits of other tests never interfere. */
    protected static String freshUserToken(String... roles) {
        return tokens.token(UUID.randomUUID().toString(), null, roles.length == 0 ? new String[] {"user"} : roles);
    }

    /** A token of one of the partner's systems. */
    protected static String partnerToken(String partnerId) {
        return tokens.token("service-account-" + partnerId, partnerId, "partner");
    }
}
