package com.platform.security.core;

import java.time.Clock;
import java.time.Duration;

/**
 * When a JWKS copy is used as it is and when it is fetched again: a copy younger than the refresh interval is used,
 * an older one (or none) is fetched again, and a caller that found its copy stale uses the copy another caller has
 * fetched meanwhile instead of fetching once more (concurrent refreshes make one request). A key removed from the
 * JWKS thus stops working within the refresh interval, cached token or not.
 */
public final class KeySetFreshness {

    private final Clock clock;
    private final Duration refreshInterval;

    public KeySetFreshness(Clock clock, Duration refreshInterval) {
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /** Whether {@code snapshot} (null before the first fetch) may be used without fetching again. */
    public boolean isFresh(KeySnapshot snapshot) {
        return snapshot != null && clock.instant().isBefore(snapshot.fetchedAt().plus(refreshInterval));
    }

    /**
     * Whether {@code current} is a fresh copy that replaced {@code seen} (the stale copy the caller started from)
     * meanwhile, so that the caller uses it rather than fetching again.
     */
    public boolean replacedMeanwhile(KeySnapshot current, KeySnapshot seen) {
        return current != seen && isFresh(current);
    }
}
