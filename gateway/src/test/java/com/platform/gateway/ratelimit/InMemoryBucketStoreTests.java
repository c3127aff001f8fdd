package com.platform.gateway.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The buckets an instance keeps in memory (no Redis, or Redis down) follow a partner's quota changes too. */
class InMemoryBucketStoreTests {

    private final InMemoryBucketStore store = new InMemoryBucketStore();

    @Test
    void aRaiseKeepsWhatWasUsedAndACutCapsWhatIsLeft() throws Exception {
        assertThat(store.tryConsume("partner:p", perMinute(2), 1).get().isConsumed()).isTrue();
        assertThat(store.tryConsume("partner:p", perMinute(2), 1).get().isConsumed()).isTrue();
        assertThat(store.tryConsume("partner:p", perMinute(2), 1).get().isConsumed()).isFalse();

        assertThat(store.tryConsume("partner:p", perMinute(5), 2).get().getRemainingTokens()).isEqualTo(2);

        assertThat(store.tryConsume("partner:q", perMinute(100), 1).get().getRemainingTokens()).isEqualTo(99);
        assertThat(store.tryConsume("partner:q", perMinute(3), 2).get().getRemainingTokens()).isEqualTo(2);
    }

    @Test
    void theSameOrAnOlderVersionChangesNothing() throws Exception {
        assertThat(store.tryConsume("partner:p", perMinute(2), 5).get().isConsumed()).isTrue();
        assertThat(store.tryConsume("partner:p", perMinute(50), 5).get().getRemainingTokens()).isZero();
        assertThat(store.tryConsume("partner:p", perMinute(50), 4).get().isConsumed()).isFalse();
    }

    private static BucketConfiguration perMinute(int limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
                .build();
    }
}
