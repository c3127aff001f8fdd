package com.platform.user.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.user.directory.UserDirectory;

/**
 * U6 access reviews: a campaign lists every holder of a privileged role as Keycloak has them now; a REVOKE takes
 * the role away in Keycloak before the decision is recorded.
 */
@Service
class AccessReviewService {

    private final AccessReviews reviews;
    private final UserDirectory directory;
    private final RoleService roles;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration reviewPeriod;

    AccessReviewService(AccessReviews reviews, UserDirectory directory, RoleService roles, AuditTrail audit,
            TransactionTemplate transaction, Clock clock,
            @Value("${user.access-review.period:14d}") Duration reviewPeriod) {
        this.reviews = reviews;
        this.directory = directory;
        this.roles = roles;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
        this.reviewPeriod = reviewPeriod;
    }

    AccessReview start() {
        List<AccessReview.Item> items = new ArrayList<>();
        for (String role : new TreeSet<>(RealmRoles.PRIVILEGED)) {
            directory.holdersOf(role).forEach(holder -> items.add(new AccessReview.Item(UUID.randomUUID(),
                    holder.userId(), holder.username(), role, null, null, null, null)));
        }
        Instant now = clock.instant();
        AccessReview review = new AccessReview(UUID.randomUUID(), CurrentCaller.get().actor(), now,
                now.plus(reviewPeriod), null, items);
        transaction.executeWithoutResult(status -> {
            reviews.insert(review);
            audit.record("access-review.started", "access-review", review.id().toString(), null,
                    Map.of("items", items.size(), "dueAt", review.dueAt().toString()));
        });
        return review;
    }

    AccessReview decide(UUID reviewId, UUID itemId, AccessReview.Decision decision, String reason) {
        CurrentCaller reviewer = CurrentCaller.get();
        AccessReview review = reviews.find(reviewId).orElseThrow(AccessReviewService::unknownReview);
        AccessReview.Item item = review.item(itemId);
        AccessReview.Item decided = item.decide(decision, reason, reviewer.subject(), reviewer.actor(),
                clock.instant());
        if (decision == AccessReview.Decision.REVOKE) {
            roles.revoke(item.userId(), item.role(), "access review " + reviewId + ": " + reason);
        }
        transaction.executeWithoutResult(status -> {
            AccessReview locked = reviews.findForUpdate(reviewId).orElseThrow();
            // re-check under the lock: two reviewers deciding the same item at once
            locked.item(itemId).decide(decision, reason, reviewer.subject(), reviewer.actor(), clock.instant());
            reviews.saveDecision(reviewId, decided);
            boolean allDecided = locked.items().stream().filter(i -> !i.id().equals(itemId))
                    .allMatch(AccessReview.Item::decided);
            if (allDecided) {
                reviews.complete(reviewId, clock.instant());
            }
            audit.record("access-review.decided", "access-review-item", itemId.toString(), null,
                    Map.of("reviewId", reviewId, "userId", item.userId(), "role", item.role(), "decision", decision));
        });
        return reviews.find(reviewId).orElseThrow();
    }

    AccessReview get(UUID reviewId) {
        return reviews.find(reviewId).orElseThrow(AccessReviewService::unknownReview);
    }

    static PlatformException unknownReview() {
        return PlatformException.notFound("ACCESS_REVIEW_NOT_FOUND", "No such access review");
    }
}
