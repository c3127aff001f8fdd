package com.platform.gateway.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Two gateway instances sharing a real Redis count against one quota per caller. */
class RedisBucketStoreTests {

    private static RedisServer redis;
    private static int port;

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = new RedisServer(port);
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.stop();
    }

    private static BucketConfiguration perMinute(int limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
                .build();
    }

    @Test
    void instancesShareEachCallersQuota() throws Exception {
        String caller = "user:" + UUID.randomUUID();
        try (RedisBucketStore first = new RedisBucketStore("redis://localhost:" + port);
                RedisBucketStore second = new RedisBucketStore("redis://localhost:" + port)) {
            for (int i = 0; i < 3; i++) {
                assertThat(first.tryConsume(caller, perMinute(6)).get().isConsumed()).isTrue();
                assertThat(second.tryConsume(caller, perMinute(6)).get().isConsumed()).isTrue();
            }
            var refused = second.tryConsume(caller, perMinute(6)).get();
            assertThat(refused.isConsumed()).isFalse();
            assertThat(refused.getNanosToWaitForRefill()).isPositive();
            assertThat(first.tryConsume("user:" + UUID.randomUUID(), perMinute(6)).get().isConsumed())
                    .as("another caller has its own bucket").isTrue();
        }
    }
}
