package com.platform.user.violation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A penalty decided by the ladder: its kind and, for temporary kinds, how long it lasts. */
public record Penalty(PenaltyKind kind, Duration duration) {

    public Penalty {
        boolean temporary = kind == PenaltyKind.RESTRICTED || kind == PenaltyKind.SUSPENDED;
        if (temporary != (duration != null)) {
            throw new IllegalArgumentException(kind + (temporary ? " needs" : " has no") + " duration");
        }
    }

    public static Penalty warning() {
        return new Penalty(PenaltyKind.WARNING, null);
    }

    public static Penalty banned() {
        return new Penalty(PenaltyKind.BANNED, null);
    }

    /** When it ends, if it ends. */
    public Optional<Instant> until(Instant decidedAt) {
        return duration == null ? Optional.empty() : Optional.of(decidedAt.plus(duration));
    }
}
