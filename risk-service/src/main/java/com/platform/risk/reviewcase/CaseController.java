package com.platform.risk.reviewcase;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.platform.risk.support.PlainText;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.security.CurrentCaller;

/** R3: risk officers list, take and decide review cases. */
@RestController
class CaseController {

    private final CaseService service;
    private final ReviewCases cases;

    CaseController(CaseService service, ReviewCases cases) {
        this.service = service;
        this.cases = cases;
    }

    record CaseView(UUID id, UUID assessmentId, UUID transactionId, UUID payerId, UUID partnerId,
            ReviewCase.Status status, String owner, Instant openedAt, Instant takenAt, ReviewCase.Decision decision,
            Boolean fraudConfirmed, String reason, String decidedBy, Instant decidedAt) {

        static CaseView of(ReviewCase c) {
            return new CaseView(c.id(), c.assessmentId(), c.transactionId(), c.payerId(), c.partnerId(), c.status(),
                    c.owner(), c.openedAt(), c.takenAt(), c.decision(), c.fraudConfirmed(), c.reason(),
                    c.decidedBy(), c.decidedAt());
        }
    }

    /** {@code owner=me} lists the caller's own cases. Oldest first: the queue order. */
    @GetMapping("/api/v1/risk/cases")
    @PreAuthorize("hasRole('risk_officer')")
    PageResponse<CaseView> list(@RequestParam(required = false) ReviewCase.Status status,
            @RequestParam(required = false) @Size(max = 200) String owner,
            @RequestParam(required = false) UUID payerId, @RequestParam(required = false) UUID transactionId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        String ownerFilter = "me".equals(owner) ? CurrentCaller.get().actor() : owner;
        ReviewCases.Filter filter = new ReviewCases.Filter(status, ownerFilter, payerId, transactionId);
        return PageResponse.of(cases.page(filter, query.size(), query.offset()).stream().map(CaseView::of).toList(),
                query, cases.count(filter));
    }

    @GetMapping("/api/v1/risk/cases/{id}")
    @PreAuthorize("hasRole('risk_officer')")
    CaseView get(@PathVariable UUID id) {
        return CaseView.of(cases.find(id).orElseThrow(CaseService::notFound));
    }

    /** Takes the case: the caller becomes its one owner (409 CASE_TAKEN if another officer has it). */
    @PostMapping("/api/v1/risk/cases/{id}/assignment")
    @PreAuthorize("hasRole('risk_officer')")
    CaseView take(@PathVariable UUID id) {
        return CaseView.of(service.take(id));
    }

    record DecisionRequest(@NotNull ReviewCase.Decision decision, @NotNull Boolean fraudConfirmed,
            @NotBlank @Size(max = 2000) @PlainText String reason) {
    }

    @PostMapping("/api/v1/risk/cases/{id}/decision")
    @PreAuthorize("hasRole('risk_officer')")
    CaseView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request) {
        return CaseView.of(service.decide(id, request.decision(), request.fraudConfirmed(), request.reason()));
    }
}
