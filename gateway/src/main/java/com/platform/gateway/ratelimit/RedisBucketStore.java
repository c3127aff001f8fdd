package com.platform.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis (Bucket4j's compare-and-swap over Lettuce), so that every gateway instance counts against the
 * same quota. A bucket stored with a lower configuration version takes the new configuration in Redis itself
 * (Bucket4j's implicit configuration replacement, one compare-and-swap), so all instances agree. Non-blocking:
 * the event loop never waits on Redis longer than the timeout. Keys expire once their bucket would be full again.
 * <p>
 * Redis going away must not take the edge down with it: when a call fails or times out, this instance limits with
 * its own memory (each instance then allows the full quota on its own) and {@link #isShared()} turns false; a probe
 * connects again every second and the shared buckets take over once Redis answers (they start full: Redis may have
 * lost them). A gateway started while Redis is down starts that way too.
 */
class RedisBucketStore implements BucketStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBucketStore.class);
    private static final String KEY_PREFIX = "platform:rate-limit:";
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    // off the request path (the probe thread), so it may be longer than the command timeout
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** One connection to Redis and the buckets over it; replaced as a whole after Redis was lost. */
    private record Shared(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> buckets) {
    }

    private final RedisClient client;
    private final BucketStore fallback;
    private final AtomicReference<Shared> shared = new AtomicReference<>();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("rate-limit-redis-probe").factory());

    RedisBucketStore(String redisUrl, Duration timeout, BucketStore fallback) {
        this.fallback = fallback;
        client = RedisClient.create(parse(redisUrl));
        client.setOptions(ClientOptions.builder()
                // reconnecting is the probe's job: Lettuce's own reconnect would queue commands while Redis is away
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build());
        if (!connect()) {
            log.warn("Redis for the rate limits does not answer at start; limiting in this instance's memory until "
                    + "it does");
        }
        long interval = PROBE_INTERVAL.toMillis();
        probe.scheduleWithFixedDelay(this::probe, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** A misspelt URL stops the start, without the URL in the message: it may hold the Redis password. */
    private static RedisURI parse(String redisUrl) {
        try {
            return RedisURI.create(redisUrl);
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("RATE_LIMIT_REDIS_URL (platform.gateway.rate-limit.redis-url) is not "
                    + "a Redis URL such as redis://[:password@]host:6379 (the value is not shown)");
        }
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration,
            long version) {
        Shared current = shared.get();
        if (current == null) {
            return fallback.tryConsume(key, configuration, version);
        }
        CompletableFuture<ConsumptionProbe> consumed;
        try {
            consumed = current.buckets().builder()
                    .withImplicitConfigurationReplacement(version, ON_NEW_CONFIGURATION)
                    .build(KEY_PREFIX + key, () -> CompletableFuture.completedFuture(configuration))
                    .tryConsumeAndReturnRemaining(1);
        }
        catch (RuntimeException e) {
            consumed = CompletableFuture.failedFuture(e);
        }
        return consumed.exceptionallyCompose(error -> {
            lost(current, error);
            return fallback.tryConsume(key, configuration, version);
        });
    }

    /** True while the buckets are the shared ones in Redis, false while this instance limits in memory. */
    boolean isShared() {
        Shared current = shared.get();
        return current != null && current.connection().isOpen();
    }

    /** Connects when Redis was lost; while connected, a PING notices a Redis that is gone without any traffic. */
    private void probe() {
        Shared current = shared.get();
        if (current == null) {
            if (connect()) {
                log.info("Redis for the rate limits answers again; the instances share their buckets again");
            }
            return;
        }
        try {
            current.connection().sync().ping();
        }
        catch (RuntimeException e) {
            lost(current, e);
        }
    }

    private boolean connect() {
        try {
            StatefulRedisConnection<String, byte[]> connection = client.connect(
                    RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            AsyncProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofMinutes(1)))
                    .build()
                    .asAsync();
            shared.set(new Shared(connection, buckets));
            return true;
        }
        catch (RuntimeException e) {
            log.debug("Redis for the rate limits still does not answer: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private void lost(Shared current, Throwable error) {
        if (shared.compareAndSet(current, null)) {
            // the class only: a message may carry the Redis URL, and with it a password
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            log.warn("Redis for the rate limits failed ({}); limiting in this instance's memory until it answers",
                    cause.getClass().getSimpleName());
            current.connection().closeAsync();
        }
    }

    @Override
    public void close() {
        probe.shutdownNow();
        Shared current = shared.getAndSet(null);
        if (current != null) {
            current.connection().close();
        }
        client.shutdown();
    }
}
