package com.platform.risk.register;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An entry of the risk register (R4): identified, assessed, answered, reviewed on schedule. */
public record RegisteredRisk(UUID id, String title, RiskCategory category, String description, String owner,
        List<String> controls, RiskRating rating, Instant lastReviewedAt, Instant nextReviewDue,
        String createdBy, Instant createdAt, Instant updatedAt, int version) {

    public boolean overdue(Instant now) {
        return nextReviewDue.isBefore(now);
    }
}
