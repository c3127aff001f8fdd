package com.platform.user.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * U6 access reviews: a campaign lists every holder of a privileged role as Keycloak has them now; a REVOKE is
 * recorded (decision, role change, audit entries) before the role is taken away in Keycloak.
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

    /**
     * The decision, and for a REVOKE the role change, are recorded with their audit entries in one transaction
     * before Keycloak is asked; the revocation is then applied (or, if Keycloak fails, by the role-change job).
     */
    AccessReview decide(UUID reviewId, UUID itemId, AccessReview.Decision decision, String reason) {
        CurrentCaller reviewer = CurrentCaller.get();
        AccessReview review = reviews.find(reviewId).orElseThrow(AccessReviewService::unknownReview);
        AccessReview.Item item = review.item(itemId);
        AccessReview.Item decided = item.decide(decision, reason, reviewer.subject(), reviewer.actor(),
                clock.instant());
        RoleService.Plan revocation = decision == AccessReview.Decision.REVOKE
                ? roles.planRevoke(item.userId(), item.role(), "access review " + reviewId + ": " + reason)
                : null;
        Optional<RoleService.Intent> intent = transaction.execute(status -> {
            // lock order: the account row (in recordIntent), the change, the review, the audit entries last
            Optional<RoleService.Intent> recorded = revocation != null && revocation.changesSomething()
                    ? Optional.of(roles.recordIntent(revocation)) : Optional.empty();
            AccessReview locked = reviews.findForUpdate(reviewId).orElseThrow();
            // re-check under the lock: two reviewers deciding the same item at once
            locked.item(itemId).decide(decision, reason, reviewer.subject(), reviewer.actor(), clock.instant());
            reviews.saveDecision(reviewId, decided);
            boolean allDecided = locked.items().stream().filter(i -> !i.id().equals(itemId))
                    .allMatch(AccessReview.Item::decided);
            if (allDecided) {
                reviews.complete(reviewId, clock.instant());
            }
            recorded.ifPresent(r -> roles.auditIntent(r, revocation));
            audit.record("access-review.decided", "access-review-item", itemId.toString(), null,
                    Map.of("reviewId", reviewId, "userId", item.userId(), "role", item.role(), "decision", decision));
            return recorded;
        });
        intent.ifPresent(r -> roles.apply(r.change()));
        return reviews.find(reviewId).orElseThrow();
    }

    AccessReview get(UUID reviewId) {
        return reviews.find(reviewId).orElseThrow(AccessReviewService::unknownReview);
    }

    static PlatformException unknownReview() {
        return PlatformException.notFound("ACCESS_REVIEW_NOT_FOUND", "No such access review");
    }
}
