package com.platform.gateway.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances sharing a real Redis count against one quota per caller; without Redis, an instance limits
 * in its own memory and goes back to Redis when it answers.
 */
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

    private static RedisBucketStore store(int port) {
        return new RedisBucketStore("redis://localhost:" + port, Duration.ofSeconds(2), new InMemoryBucketStore());
    }

    /** A fresh machine: the gateway comes up before Redis does. */
    @Test
    void aStoreStartedBeforeRedisLimitsInMemoryThenSharesOnceRedisAnswers() throws Exception {
        int latePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            latePort = socket.getLocalPort();
        }
        String caller = "user:" + UUID.randomUUID();
        try (RedisBucketStore early = store(latePort)) {
            assertThat(early.isShared()).isFalse();
            for (int i = 0; i < 2; i++) {
                assertThat(early.tryConsume(caller, perMinute(2)).get().isConsumed()).as("served from memory").isTrue();
            }
            assertThat(early.tryConsume(caller, perMinute(2)).get().isConsumed()).as("and limited there").isFalse();

            RedisServer late = new RedisServer(latePort);
            late.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(early::isShared);
                String shared = "user:" + UUID.randomUUID();
                try (RedisBucketStore other = store(latePort)) {
                    assertThat(other.tryConsume(shared, perMinute(2)).get().isConsumed()).isTrue();
                    assertThat(early.tryConsume(shared, perMinute(2)).get().isConsumed()).isTrue();
                    assertThat(other.tryConsume(shared, perMinute(2)).get().isConsumed())
                            .as("both count against one bucket in Redis").isFalse();
                }
            }
            finally {
                late.stop();
            }
        }
    }

    /** Redis that hangs (the connection stays open, nothing comes back) costs a request the timeout, once. */
    @Test
    void aRedisThatHangsIsLeftForMemoryAfterTheTimeoutAndTakenBackWhenItAnswers() throws Exception {
        int proxyPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            proxyPort = socket.getLocalPort();
        }
        try (NioReactor reactor = new NioReactor();
                TcpCrusher proxy = TcpCrusherBuilder.builder().withReactor(reactor)
                        .withBindAddress("127.0.0.1", proxyPort).withConnectAddress("localhost", port)
                        .buildAndOpen();
                RedisBucketStore store = new RedisBucketStore("redis://127.0.0.1:" + proxyPort,
                        Duration.ofMillis(250), new InMemoryBucketStore())) {
            String caller = "user:" + UUID.randomUUID();
            assertThat(store.tryConsume(caller, perMinute(2)).get().isConsumed()).isTrue();
            assertThat(store.isShared()).isTrue();

            proxy.freeze();
            // the bound only keeps a broken store from hanging the build; the store gives up after 250 ms
            assertThat(store.tryConsume(caller, perMinute(2)).get(10, TimeUnit.SECONDS).isConsumed())
                    .as("served from memory").isTrue();
            assertThat(store.isShared()).isFalse();

            proxy.unfreeze();
            await().atMost(Duration.ofSeconds(30)).until(store::isShared);
            String shared = "user:" + UUID.randomUUID();
            try (RedisBucketStore other = store(port)) {
                assertThat(other.tryConsume(shared, perMinute(2)).get().isConsumed()).isTrue();
                assertThat(store.tryConsume(shared, perMinute(2)).get().isConsumed()).isTrue();
                assertThat(other.tryConsume(shared, perMinute(2)).get().isConsumed())
                        .as("one bucket in Redis again").isFalse();
            }
        }
    }

    /**
     * A partner's new quota (a higher version) is taken over in Redis by the first instance that knows it; an
     * instance that has not read the record yet limits with the stored, newer configuration.
     */
    @Test
    void aHigherConfigurationVersionReplacesTheSharedBucketForEveryInstance() throws Exception {
        String partner = "partner:" + UUID.randomUUID();
        try (RedisBucketStore informed = store(port); RedisBucketStore lagging = store(port)) {
            assertThat(lagging.tryConsume(partner, perMinute(2), 0).get().isConsumed()).isTrue();
            assertThat(lagging.tryConsume(partner, perMinute(2), 0).get().isConsumed()).isTrue();
            assertThat(lagging.tryConsume(partner, perMinute(2), 0).get().isConsumed()).isFalse();

            // raised to 4 at version 7: the two calls made still count
            assertThat(informed.tryConsume(partner, perMinute(4), 7).get().getRemainingTokens()).isEqualTo(1);
            assertThat(lagging.tryConsume(partner, perMinute(2), 0).get().isConsumed())
                    .as("the lagging instance uses the stored, newer quota").isTrue();
            assertThat(informed.tryConsume(partner, perMinute(4), 7).get().isConsumed()).isFalse();
        }
    }

    @Test
    void aMalformedUrlStopsTheStartWithoutShowingThePassword() {
        assertThatThrownBy(() -> new RedisBucketStore("redis://:s3cret pass@redis:6379", Duration.ofSeconds(1),
                new InMemoryBucketStore()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RATE_LIMIT_REDIS_URL")
                .hasNoCause()
                .message().doesNotContain("s3cret");
    }

    private static BucketConfiguration perMinute(int limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
                .build();
    }

    @Test
    void instancesShareEachCallersQuota() throws Exception {
        String caller = "user:" + UUID.randomUUID();
        try (RedisBucketStore first = store(port);
                RedisBucketStore second = store(port)) {
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
