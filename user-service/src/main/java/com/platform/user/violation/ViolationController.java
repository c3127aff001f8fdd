package com.platform.user.violation;

import java.time.Instant;
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
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.user.account.CallerAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.text.FreeText;

/** U8: operators record violations, the person sees their own and appeals once, another operator decides. */
@RestController
class ViolationController {

    private final ViolationService violationService;
    private final AppealService appeals;
    private final Violations violations;
    private final UserAccounts accounts;

    ViolationController(ViolationService violationService, AppealService appeals, Violations violations,
            UserAccounts accounts) {
        this.violationService = violationService;
        this.appeals = appeals;
        this.violations = violations;
        this.accounts = accounts;
    }

    record ViolationRequest(
            @NotNull ViolationType type,
            @NotNull Severity severity,
            @NotBlank @Size(max = 2000) @FreeText String description,
            @Size(max = 2000) @FreeText String evidence) {
    }

    record PenaltyView(PenaltyKind kind, Instant until, Violation.PenaltyState state, Instant endedAt) {
    }

    record AppealView(UUID id, Appeal.Status status, String reason, String decisionReason, Instant filedAt,
            Instant decidedAt) {

        static AppealView of(Appeal appeal) {
            return new AppealView(appeal.id(), appeal.status(), appeal.reason(), appeal.decisionReason().orElse(null),
                    appeal.filedAt(), appeal.decidedAt().orElse(null));
        }
    }

    record ViolationView(UUID id, UUID userId, String type, Severity severity, String description, String evidence,
            Violation.Source source, Instant recordedAt, PenaltyView penalty, boolean overturned,
            String overturnReason, AppealView appeal) {
    }

    record Recorded(ViolationView violation, PenaltyView penalty) {
    }

    @PostMapping("/api/v1/users/{id}/violations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('operator')")
    Recorded record(@PathVariable UUID id, @Valid @RequestBody ViolationRequest request) {
        Violation violation = violationService.record(new Violation.Report(id, request.type().name(),
                request.severity(), request.type().fraud(), request.description(), request.evidence(),
                Violation.Source.OPERATOR, null, CurrentCaller.get().actor()))
                .orElseThrow(() -> PlatformException.conflict("USER_STATE_CONFLICT", "The account is closed."));
        ViolationView view = view(violation);
        return new Recorded(view, view.penalty());
    }

    @GetMapping("/api/v1/users/{id}/violations")
    @PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor')")
    PageResponse<ViolationView> ofUser(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        accounts.get(id);
        return history(id, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/users/me/violations")
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    PageResponse<ViolationView> mine(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return history(CallerAccount.id(), PageQuery.of(page, size));
    }

    record AppealRequest(@NotNull UUID violationId, @NotBlank @Size(max = 2000) @FreeText String reason) {
    }

    @PostMapping("/api/v1/users/me/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    AppealView appeal(@Valid @RequestBody AppealRequest request) {
        return AppealView.of(appeals.file(CallerAccount.id(), request.violationId(), request.reason()));
    }

    record PendingAppeal(UUID id, UUID violationId, UUID userId, String reason, Instant filedAt) {
    }

    @GetMapping("/api/v1/appeals")
    @PreAuthorize("hasAnyRole('operator', 'auditor')")
    PageResponse<PendingAppeal> appeals(@RequestParam(defaultValue = "PENDING") Appeal.Status status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        return PageResponse.of(violations.appeals(status, query).stream()
                .map(a -> new PendingAppeal(a.id(), a.violationId(), a.userId(), a.reason(), a.filedAt())).toList(),
                query, violations.countAppeals(status));
    }

    record DecisionRequest(@NotNull Appeal.Outcome outcome, @NotBlank @Size(max = 2000) @FreeText String reason) {
    }

    @PostMapping("/api/v1/appeals/{id}/decision")
    @PreAuthorize("hasRole('operator')")
    AppealView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request) {
        return AppealView.of(appeals.decide(id, request.outcome(), request.reason()));
    }

    private PageResponse<ViolationView> history(UUID userId, PageQuery query) {
        return PageResponse.of(violations.ofUser(userId, query).stream().map(this::view).toList(), query,
                violations.countOfUser(userId));
    }

    private ViolationView view(Violation v) {
        return new ViolationView(v.id(), v.userId(), v.type(), v.severity(), v.description(),
                v.evidence().orElse(null), v.source(), v.recordedAt(),
                new PenaltyView(v.penaltyKind(), v.penaltyUntil().orElse(null), v.penaltyState(),
                        v.penaltyEndedAt().orElse(null)),
                v.overturned(), v.overturnReason().orElse(null),
                violations.appealOf(v.id()).map(AppealView::of).orElse(null));
    }
}
