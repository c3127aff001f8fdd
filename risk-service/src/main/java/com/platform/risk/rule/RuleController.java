package com.platform.risk.rule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import com.platform.risk.engine.Action;
import com.platform.risk.engine.RuleCompiler;
import com.platform.risk.engine.RuleMode;
import com.platform.risk.support.PlainText;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

/** R2: rules as governed data. Risk officers write and approve; auditors read. */
@RestController
class RuleController {

    private final RuleService service;
    private final Rules rules;

    RuleController(RuleService service, Rules rules) {
        this.service = service;
        this.rules = rules;
    }

    record RuleRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._:()/-]*",
                    message = "letters, digits, spaces and . _ : ( ) / - only") String name,
            @Size(max = 1000) @PlainText String description,
            @NotBlank @Size(max = RuleCompiler.MAX_LENGTH) String expression,
            @NotNull @Min(0) @Max(1000) Integer score,
            @NotNull Action action,
            @NotNull RuleMode mode) {

        RuleDraft draft() {
            return new RuleDraft(name, description, expression, score, action, mode);
        }
    }

    record VersionView(int version, String name, String description, String expression, int score, Action action,
            RuleMode mode, RuleVersion.Status status, String author, Instant createdAt, String approvedBy,
            Instant approvedAt) {

        static VersionView of(RuleVersion v) {
            return v == null ? null : new VersionView(v.version(), v.name(), v.description(), v.expression(),
                    v.score(), v.action(), v.mode(), v.status(), v.author(), v.createdAt(), v.approvedBy(),
                    v.approvedAt());
        }
    }

    /**
     * A rule as risk officers see it: the version in force ({@code active}, null until a first LIVE version is
     * approved) and the one waiting for approval ({@code pending}); {@code versions} only on a single rule.
     */
    record RuleView(UUID id, String name, RuleMode mode, Integer version, VersionView active, VersionView pending,
            Instant createdAt, String createdBy, List<VersionView> versions) {

        static RuleView of(Rule rule, boolean withVersions) {
            RuleVersion active = rule.active().orElse(null);
            RuleVersion shown = active != null ? active : rule.latest();
            return new RuleView(rule.id(), shown.name(), active == null ? null : active.mode(),
                    active == null ? null : active.version(), VersionView.of(active),
                    VersionView.of(rule.pending().orElse(null)), rule.createdAt(), rule.createdBy(),
                    withVersions ? rule.versions().stream().map(VersionView::of).toList() : null);
        }
    }

    @GetMapping("/api/v1/risk/rules")
    @PreAuthorize("hasAnyRole('risk_officer', 'auditor')")
    PageResponse<RuleView> list(@RequestParam(required = false) RuleMode mode,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        return PageResponse.of(rules.page(mode, query.size(), query.offset()).stream()
                .map(r -> RuleView.of(r, false)).toList(), query, rules.count(mode));
    }

    @GetMapping("/api/v1/risk/rules/{id}")
    @PreAuthorize("hasAnyRole('risk_officer', 'auditor')")
    RuleView get(@PathVariable UUID id) {
        return RuleView.of(rules.find(id).orElseThrow(RuleService::notFound), true);
    }

    @PostMapping("/api/v1/risk/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('risk_officer')")
    RuleView create(@Valid @RequestBody RuleRequest request) {
        return RuleView.of(service.create(request.draft()), true);
    }

    @PutMapping("/api/v1/risk/rules/{id}")
    @PreAuthorize("hasRole('risk_officer')")
    RuleView change(@PathVariable UUID id, @Valid @RequestBody RuleRequest request) {
        return RuleView.of(service.change(id, request.draft()), true);
    }

    record ApprovalRequest(@Min(1) Integer version) {
    }

    @PostMapping("/api/v1/risk/rules/{id}/approval")
    @PreAuthorize("hasRole('risk_officer')")
    RuleView approve(@PathVariable UUID id, @Valid @RequestBody(required = false) ApprovalRequest request) {
        return RuleView.of(service.approve(id, request == null ? null : request.version()), true);
    }
}
