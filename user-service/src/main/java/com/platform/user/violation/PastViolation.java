package com.platform.user.violation;

import java.time.Instant;

/**
 * A violation already on a person's record, as the ladder sees it. Overturned violations (upheld appeals) do not
 * count against the person.
 */
public record PastViolation(Severity severity, boolean fraud, PenaltyKind penalty, Instant recordedAt,
        boolean overturned) {
}
