package com.platform.gateway.ratelimit;

import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;

/** Where the rate-limit buckets live: in this instance's memory, or in Redis shared by all gateway instances. */
interface BucketStore {

    /**
     * When a bucket takes a configuration of a higher version (a partner's new quota), the tokens the caller already
     * used in the current minute stay used: a raise adds the difference, a cut caps what is left at the new
     * capacity.
     */
    TokensInheritanceStrategy ON_NEW_CONFIGURATION = TokensInheritanceStrategy.ADDITIVE;

    /**
     * Takes one token from the caller's bucket, creating it with the configuration on first use; a bucket created
     * with a lower {@code version} takes this configuration first ({@link #ON_NEW_CONFIGURATION}).
     */
    CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration, long version);

    /** A bucket whose configuration never changes while the gateway runs (per person, per client address). */
    default CompletableFuture<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        return tryConsume(key, configuration, 0);
    }
}
