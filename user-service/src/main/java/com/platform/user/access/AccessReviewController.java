package com.platform.user.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.user.text.FreeText;

/** U6: admins run access reviews; auditors read them; overdue campaigns show as such. */
@RestController
class AccessReviewController {

    private final AccessReviewService service;
    private final AccessReviews reviews;
    private final Clock clock;

    AccessReviewController(AccessReviewService service, AccessReviews reviews, Clock clock) {
        this.service = service;
        this.reviews = reviews;
        this.clock = clock;
    }

    record ItemView(UUID id, UUID userId, String username, String role, AccessReview.Decision decision,
            String reason, String decidedBy, Instant decidedAt) {
    }

    record ReviewView(UUID id, String startedBy, Instant startedAt, Instant dueAt, Instant completedAt,
            boolean overdue, int undecided, List<ItemView> items) {
    }

    record ReviewSummary(UUID id, Instant startedAt, Instant dueAt, Instant completedAt, boolean overdue,
            int items, int undecided) {
    }

    @PostMapping("/api/v1/access-reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('admin')")
    ReviewView start() {
        return view(service.start());
    }

    @GetMapping("/api/v1/access-reviews")
    @PreAuthorize("hasAnyRole('admin', 'auditor')")
    PageResponse<ReviewSummary> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Instant now = clock.instant();
        return PageResponse.of(reviews.page(query).stream().map(r -> new ReviewSummary(r.id(), r.startedAt(),
                r.dueAt(), r.completedAt(), r.overdue(now), r.items().size(), undecided(r))).toList(), query,
                reviews.count());
    }

    @GetMapping("/api/v1/access-reviews/{id}")
    @PreAuthorize("hasAnyRole('admin', 'auditor')")
    ReviewView read(@PathVariable UUID id) {
        return view(service.get(id));
    }

    record DecisionRequest(@NotNull AccessReview.Decision decision,
            @NotBlank @Size(max = 500) @FreeText String reason) {
    }

    @PostMapping("/api/v1/access-reviews/{id}/items/{itemId}/decision")
    @PreAuthorize("hasRole('admin')")
    ReviewView decide(@PathVariable UUID id, @PathVariable UUID itemId,
            @Valid @RequestBody DecisionRequest request) {
        return view(service.decide(id, itemId, request.decision(), request.reason()));
    }

    private ReviewView view(AccessReview review) {
        return new ReviewView(review.id(), review.startedBy(), review.startedAt(), review.dueAt(),
                review.completedAt(), review.overdue(clock.instant()), undecided(review),
                review.items().stream().map(i -> new ItemView(i.id(), i.userId(), i.username(), i.role(),
                        i.decision(), i.reason(), i.decidedBy(), i.decidedAt())).toList());
    }

    private static int undecided(AccessReview review) {
        return (int) review.items().stream().filter(i -> !i.decided()).count();
    }
}
