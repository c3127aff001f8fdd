package com.platform.gateway.ratelimit;

import java.time.Duration;
import java.util.UUID;

import com.platform.gateway.GatewayIntegrationTest;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped under a running gateway: requests keep being served and limited in this instance's memory, health
 * shows the rate-limit store DOWN (readiness stays UP, so the load balancer keeps the instance), and once Redis is
 * back the gateway shares its buckets through Redis again.
 */
class RateLimitStoreOutageTests extends GatewayIntegrationTest {

    private static final int PARTNER_LIMIT = 8;

    @Test
    void withoutRedisTheGatewayLimitsInMemoryReportsTheStoreDownAndReturnsToRedisWhenItIsBack() throws Exception {
        String admin = freshUserToken("admin");
        awaitStore(admin, "UP");
        redis.stop();
        try {
            client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + freshUserToken()).exchange()
                    .expectStatus().isOk();
            awaitStore(admin, "DOWN");
            client().get().uri("/actuator/health").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN").jsonPath("$.components").doesNotExist();
            for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
                client().get().uri(probe).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("UP");
            }

            String partner = partnerToken(UUID.randomUUID().toString());
            for (int i = 0; i < PARTNER_LIMIT; i++) {
                client().get().uri("/api/v1/transactions").header("Authorization", "Bearer " + partner).exchange()
                        .expectStatus().isOk();
            }
            client().get().uri("/api/v1/transactions").header("Authorization", "Bearer " + partner).exchange()
                    .expectStatus().isEqualTo(429);
        }
        finally {
            redis.start();
        }
        awaitStore(admin, "UP");

        // through Redis again: what another gateway instance takes from a partner's quota counts here
        String partnerId = UUID.randomUUID().toString();
        String partner = partnerToken(partnerId);
        client().get().uri("/api/v1/transactions").header("Authorization", "Bearer " + partner).exchange()
                .expectStatus().isOk();
        try (RedisBucketStore otherInstance = new RedisBucketStore(redis.url(), Duration.ofSeconds(2),
                new InMemoryBucketStore())) {
            int taken = 0;
            while (otherInstance.tryConsume("partner:" + partnerId, perMinute(PARTNER_LIMIT)).get().isConsumed()) {
                taken++;
            }
            assertThat(taken).as("the gateway's request is in Redis")
                    .isLessThan(PARTNER_LIMIT);
        }
        client().get().uri("/api/v1/transactions").header("Authorization", "Bearer " + partner).exchange()
                .expectStatus().isEqualTo(429);
    }

    private void awaitStore(String adminToken, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client().get().uri("/actuator/health")
                .header("Authorization", "Bearer " + adminToken).exchange()
                .expectBody().jsonPath("$.components.rateLimitStore.status").isEqualTo(status));
    }

    private static BucketConfiguration perMinute(int limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
                .build();
    }
}
