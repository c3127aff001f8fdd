package com.platform.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway for all tests, on a real port, in front of stand-in services, a stand-in token issuer and a real Kafka
 * broker holding the partner quota topic (compacted, like every topic of this broker; created here, never on first
 * use). Keep the annotations here only, so that every test class shares this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, topics = GatewayIntegrationTest.QUOTA_TOPIC,
        brokerProperties = {"auto.create.topics.enable=false", "log.cleanup.policy=compact"},
        bootstrapServersProperty = "KAFKA_BOOTSTRAP_SERVERS")
public abstract class GatewayIntegrationTest {

    static final String QUOTA_TOPIC = "platform.partner-quotas.v1";

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
        edgeProperties().forEach(registry::add);
    }

    /** The settings of every gateway of these tests; the broker comes from KAFKA_BOOTSTRAP_SERVERS. */
    static Map<String, Supplier<Object>> edgeProperties() {
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        properties.put("USER_SERVICE_URL", () -> upstreams.url("user-service"));
        properties.put("PARTNER_SERVICE_URL", () -> upstreams.url("partner-service"));
        properties.put("TRANSACTION_SERVICE_URL", () -> upstreams.url("transaction-service"));
        properties.put("RISK_SERVICE_URL", () -> upstreams.url("risk-service"));
        properties.put("KEYCLOAK_ISSUER_URI", tokens::issuer);
        // long enough that requests the concurrency tests hold at a service never time out while held
        properties.put("GATEWAY_RESPONSE_TIMEOUT", () -> "5s");
        properties.put("GATEWAY_TIME_LIMIT", () -> "6s");
        // few, so that a test can fill a route's bulkhead (RouteConcurrencyTests)
        properties.put("GATEWAY_ROUTE_CONCURRENCY", () -> String.valueOf(ROUTE_CONCURRENCY));
        properties.put("GATEWAY_MAX_REQUEST_SIZE", () -> "1KB");
        properties.put("PLATFORM_CORS_ORIGINS", () -> ALLOWED_ORIGIN);
        properties.put("RATE_LIMIT_USER_PER_MINUTE", () -> "20");
        properties.put("RATE_LIMIT_PARTNER_DEFAULT_PER_MINUTE", () -> String.valueOf(PARTNER_DEFAULT));
        // few, so that a bucket refills (one token per 12 s) far slower than a test empties it
        properties.put("RATE_LIMIT_ANONYMOUS_PER_MINUTE", () -> "5");
        properties.put("RATE_LIMIT_REDIS_URL", redis::url);
        // a loaded build machine (load 8 on 2 cores) once took longer than the default 250 ms for a PING: the
        // gateway then limited in memory for a second and a test's bucket was split in two. Hangs are tested with
        // their own stores (RedisBucketStoreTests); a stopped Redis fails at once whatever the timeout.
        properties.put("RATE_LIMIT_REDIS_TIMEOUT", () -> "2s");
        return properties;
    }

    /** A partner not heard of on the quota topic gets this many calls a minute. */
    static final int PARTNER_DEFAULT = 8;

    /**
     * Another gateway instance, as a restart or a second instance starts it: the same settings and Redis, the broker
     * at {@code bootstrapServers}, plus {@code overrides}. The caller closes it.
     */
    static ConfigurableApplicationContext anotherGateway(String bootstrapServers, Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        edgeProperties().forEach((name, value) -> properties.put(name, value.get()));
        properties.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        properties.put("server.port", "0");
        properties.putAll(overrides);
        // as command-line arguments: they win over the system property @EmbeddedKafka sets
        return new SpringApplicationBuilder(GatewayApplication.class, OwnNettyResources.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    /**
     * Netty event loops of the other gateway's own: by default every context in the JVM shares Reactor Netty's
     * global ones and closing a context disposes them, under the feet of the shared test gateway. Not a
     * {@code @Configuration}, so that component scanning leaves it out of the shared context.
     */
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }

    static WebTestClient clientOf(ConfigurableApplicationContext gateway) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:"
                        + gateway.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(java.time.Duration.ofSeconds(15)).build();
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
