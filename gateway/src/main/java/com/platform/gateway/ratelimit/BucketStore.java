package com.platform.gateway.ratelimit;

import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the rate-limit buckets live: in this instance's memory, or in Redis shared by all gateway instances. */
interface BucketStore {

    /** Takes one token from the caller's bucket, creating it with the configuration on first use. */
    CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration);
}
