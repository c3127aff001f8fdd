package com.platform.user.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * U1: codes may be resent, but not too often: at least {@code minimumInterval} after the previous one and at most
 * {@code maxPerHour} in any hour, so that nobody can flood a phone or mailbox (or our SMS bill) through us.
 */
public record ResendPolicy(Duration minimumInterval, int maxPerHour) {

    public static final ResendPolicy DEFAULT = new ResendPolicy(Duration.ofSeconds(60), 5);

    /**
     * @param sentAt when codes were sent for this registration, any order
     * @return empty if a code may be sent now, otherwise how long to wait (for {@code Retry-After})
     */
    public Optional<Duration> waitBeforeNext(List<Instant> sentAt, Instant now) {
        Instant latest = sentAt.stream().max(Instant::compareTo).orElse(null);
        Duration wait = Duration.ZERO;
        if (latest != null && latest.plus(minimumInterval).isAfter(now)) {
            wait = Duration.between(now, latest.plus(minimumInterval));
        }
        List<Instant> lastHour = sentAt.stream().filter(t -> t.isAfter(now.minus(Duration.ofHours(1)))).sorted()
                .toList();
        if (lastHour.size() >= maxPerHour) {
            Duration untilOldestLeaves = Duration.between(now, lastHour.get(lastHour.size() - maxPerHour)
                    .plus(Duration.ofHours(1)));
            wait = untilOldestLeaves.compareTo(wait) > 0 ? untilOldestLeaves : wait;
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }
}
