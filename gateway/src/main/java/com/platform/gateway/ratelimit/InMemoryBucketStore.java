package com.platform.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Buckets in this instance's memory; idle ones are dropped after ten minutes (a full bucket again by then). */
class InMemoryBucketStore implements BucketStore {

    /** A bucket and the version of the configuration it has. */
    private static final class Versioned {

        private final Bucket bucket;
        private long version;

        Versioned(BucketConfiguration configuration, long version) {
            this.bucket = Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
            this.version = version;
        }

        synchronized ConsumptionProbe tryConsume(BucketConfiguration configuration, long desired) {
            if (desired > version) {
                bucket.replaceConfiguration(configuration, ON_NEW_CONFIGURATION);
                version = desired;
            }
            return bucket.tryConsumeAndReturnRemaining(1);
        }
    }

    private final Cache<String, Versioned> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(1_000_000)
            .build();

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration,
            long version) {
        Versioned bucket = buckets.get(key, k -> new Versioned(configuration, version));
        return CompletableFuture.completedFuture(bucket.tryConsume(configuration, version));
    }
}
