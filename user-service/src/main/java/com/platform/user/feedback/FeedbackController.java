package com.platform.user.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.user.account.CallerAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.text.FreeText;

/** U7: people file complaints and suggestions and follow them; operators answer, which closes them. */
@RestController
class FeedbackController {

    private final FeedbackBox box;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    FeedbackController(FeedbackBox box, UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.box = box;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    record FeedbackRequest(
            @NotNull Feedback.Kind kind,
            @NotBlank @Size(max = 200) @FreeText String subject,
            @NotBlank @Size(max = 5000) @FreeText String body) {
    }

    record FeedbackView(UUID id, Feedback.Kind kind, String subject, String body, Feedback.Status status,
            Instant createdAt, String reply, Instant repliedAt) {

        static FeedbackView of(Feedback f) {
            return new FeedbackView(f.id(), f.kind(), f.subject(), f.body(), f.status(), f.createdAt(), f.reply(),
                    f.repliedAt());
        }
    }

    @PostMapping("/api/v1/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    FeedbackView file(@Valid @RequestBody FeedbackRequest request) {
        UUID me = accounts.get(CallerAccount.id()).id();
        Feedback feedback = Feedback.file(me, request.kind(), request.subject(), request.body(),
                clock.instant());
        box.insert(feedback);
        return FeedbackView.of(feedback);
    }

    @GetMapping("/api/v1/users/me/feedback")
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    List<FeedbackView> mine() {
        return box.ofUser(CallerAccount.id()).stream().map(FeedbackView::of).toList();
    }

    record QueuedFeedback(UUID id, UUID userId, Feedback.Kind kind, String subject, String body,
            Feedback.Status status, Instant createdAt) {
    }

    @GetMapping("/api/v1/feedback")
    @PreAuthorize("hasRole('operator')")
    PageResponse<QueuedFeedback> queue(@RequestParam(defaultValue = "OPEN") Feedback.Status status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        return PageResponse.of(box.withStatus(status, query).stream()
                .map(f -> new QueuedFeedback(f.id(), f.userId(), f.kind(), f.subject(), f.body(), f.status(),
                        f.createdAt()))
                .toList(), query, box.countWithStatus(status));
    }

    record ReplyRequest(@NotBlank @Size(max = 5000) @FreeText String reply) {
    }

    @PostMapping("/api/v1/feedback/{id}/reply")
    @PreAuthorize("hasRole('operator')")
    @Transactional
    FeedbackView reply(@PathVariable UUID id, @Valid @RequestBody ReplyRequest request) {
        Feedback feedback = box.findForUpdate(id)
                .orElseThrow(() -> PlatformException.notFound("FEEDBACK_NOT_FOUND", "No such feedback"));
        Feedback answered = feedback.answer(request.reply(), CurrentCaller.get().actor(), clock.instant());
        box.saveReply(answered);
        audit.record("feedback.answered", "feedback", id.toString(), Map.of("status", feedback.status()),
                Map.of("status", answered.status()));
        return FeedbackView.of(answered);
    }
}
