package com.platform.user.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.platform.starter.problem.PlatformException;

/**
 * An access-review campaign (U6): one item per holder of a privileged role at the start. Each item is decided
 * once, KEEP or REVOKE, by a reviewer who is not the holder. The campaign is complete when every item is
 * decided and overdue while it is not complete after its due date.
 */
record AccessReview(UUID id, String startedBy, Instant startedAt, Instant dueAt, Instant completedAt,
        List<Item> items) {

    enum Decision { KEEP, REVOKE }

    record Item(UUID id, UUID userId, String username, String role, Decision decision, String reason,
            String decidedBy, Instant decidedAt) {

        boolean decided() {
            return decision != null;
        }

        Item decide(Decision newDecision, String why, String reviewerId, String reviewer, Instant now) {
            if (decided()) {
                throw PlatformException.conflict("ACCESS_REVIEW_ITEM_DECIDED", "This item has been decided.");
            }
            if (userId.toString().equals(reviewerId)) {
                throw new PlatformException(HttpStatus.FORBIDDEN, "REVIEWER_CONFLICT",
                        "Nobody reviews their own access.");
            }
            return new Item(id, userId, username, role, newDecision, why, reviewer, now);
        }
    }

    boolean overdue(Instant now) {
        return completedAt == null && now.isAfter(dueAt);
    }

    Item item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow(() ->
                PlatformException.notFound("ACCESS_REVIEW_ITEM_NOT_FOUND", "No such item in this review"));
    }
}
