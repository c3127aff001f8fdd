package com.platform.risk.register;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.risk.support.PlainText;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

/** R4: risk officers keep the register; auditors read it; operators have no access. */
@RestController
class RegisterController {

    private final RegisterService service;
    private final RiskRegister register;
    private final Clock clock;

    RegisterController(RegisterService service, RiskRegister register, Clock clock) {
        this.service = service;
        this.register = register;
        this.clock = clock;
    }

    record RiskRequest(
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotNull RiskCategory category,
            @NotBlank @Size(max = 4000) @PlainText String description,
            @NotBlank @Size(max = 200) @PlainText String owner,
            @NotNull @Min(1) @Max(5) Integer likelihood,
            @NotNull @Min(1) @Max(5) Integer impact,
            @NotNull Strategy strategy,
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) @PlainText String> controls,
            @Size(max = 4000) @PlainText String contingencyPlan,
            @Min(1) @Max(5) Integer residualLikelihood,
            @Min(1) @Max(5) Integer residualImpact) {

        RegisterService.Entry entry() {
            return new RegisterService.Entry(title, category, description, owner, List.copyOf(controls),
                    RiskRating.of(likelihood, impact, strategy, contingencyPlan, residualLikelihood, residualImpact));
        }
    }

    record RiskView(UUID id, String title, RiskCategory category, String description, String owner,
            List<String> controls, int likelihood, int impact, RiskLevel level, Strategy strategy,
            String contingencyPlan, int residualLikelihood, int residualImpact, RiskLevel residualLevel,
            Instant lastReviewedAt, Instant nextReviewDue, boolean overdue, String createdBy, Instant createdAt,
            Instant updatedAt, int version, List<RiskRegister.Review> reviews) {

        static RiskView of(RegisteredRisk r, Instant now, List<RiskRegister.Review> reviews) {
            RiskRating a = r.rating();
            return new RiskView(r.id(), r.title(), r.category(), r.description(), r.owner(), r.controls(),
                    a.likelihood(), a.impact(), a.level(), a.strategy(), a.contingencyPlan(), a.residualLikelihood(),
                    a.residualImpact(), a.residualLevel(), r.lastReviewedAt(), r.nextReviewDue(), r.overdue(now),
                    r.createdBy(), r.createdAt(), r.updatedAt(), r.version(), reviews);
        }
    }

    /** Filters: {@code category}, {@code level} (residual), {@code overdue}; ordered by the next review due. */
    @GetMapping("/api/v1/risk/register")
    @PreAuthorize("hasAnyRole('risk_officer', 'auditor')")
    PageResponse<RiskView> list(@RequestParam(required = false) RiskCategory category,
            @RequestParam(required = false) RiskLevel level, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Instant now = clock.instant();
        RiskRegister.Filter filter = new RiskRegister.Filter(category, level, overdue, now);
        return PageResponse.of(register.page(filter, query.size(), query.offset()).stream()
                .map(r -> RiskView.of(r, now, null)).toList(), query, register.count(filter));
    }

    @GetMapping("/api/v1/risk/register/{id}")
    @PreAuthorize("hasAnyRole('risk_officer', 'auditor')")
    RiskView get(@PathVariable UUID id) {
        RegisteredRisk risk = register.find(id, false).orElseThrow(RegisterService::notFound);
        return RiskView.of(risk, clock.instant(), register.reviews(id));
    }

    @PostMapping("/api/v1/risk/register")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('risk_officer')")
    RiskView register(@Valid @RequestBody RiskRequest request) {
        return RiskView.of(service.register(request.entry()), clock.instant(), List.of());
    }

    @PutMapping("/api/v1/risk/register/{id}")
    @PreAuthorize("hasRole('risk_officer')")
    RiskView change(@PathVariable UUID id, @Valid @RequestBody RiskRequest request) {
        RegisteredRisk changed = service.change(id, request.entry());
        return RiskView.of(changed, clock.instant(), register.reviews(id));
    }

    record ReviewRequest(@NotBlank @Size(max = 4000) @PlainText String notes,
            @Min(1) @Max(5) Integer likelihood, @Min(1) @Max(5) Integer impact,
            @Min(1) @Max(5) Integer residualLikelihood, @Min(1) @Max(5) Integer residualImpact) {
    }

    @PostMapping("/api/v1/risk/register/{id}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('risk_officer')")
    RiskRegister.Review review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
        return service.review(id, request.notes(), request.likelihood(), request.impact(),
                request.residualLikelihood(), request.residualImpact());
    }
}
