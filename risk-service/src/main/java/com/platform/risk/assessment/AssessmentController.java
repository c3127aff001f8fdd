package com.platform.risk.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.RuleOutcome;
import com.platform.risk.support.RiskException;
import com.platform.risk.watchlist.WatchKind;

/** R1: the internal assessment API (service accounts) and the explanation of a stored decision (staff). */
@RestController
class AssessmentController {

    private final AssessmentService service;
    private final Assessments assessments;

    AssessmentController(AssessmentService service, Assessments assessments) {
        this.service = service;
        this.assessments = assessments;
    }

    record MoneyRequest(@NotNull @Size(max = 20) String amount, @NotNull @Size(max = 3) String currency) {
    }

    record Request(@NotNull UUID transactionId, @NotNull AssessmentRequest.TransactionType type,
            @NotNull UUID payerId, @NotNull UUID partnerId, @NotNull @Valid MoneyRequest amount,
            @NotNull Instant occurredAt, @Size(max = 64) String ip, @Size(max = 200) String deviceId,
            @Size(max = 200) String documentRef) {

        AssessmentRequest toRequest() {
            return new AssessmentRequest(transactionId, type, payerId, partnerId,
                    Money.parse(amount.amount(), amount.currency()), occurredAt,
                    ip == null ? null : WatchKind.IP.normalise(ip, "ip"),
                    deviceId == null ? null : WatchKind.DEVICE.normalise(deviceId, "deviceId"),
                    documentRef == null ? null : WatchKind.DOCUMENT.normalise(documentRef, "documentRef"));
        }
    }

    record FiredRule(UUID ruleId, int version, String name, int score, Action action) {

        static FiredRule of(RuleOutcome o) {
            return new FiredRule(o.ruleId(), o.version(), o.name(), o.score(), o.action());
        }
    }

    record Response(UUID assessmentId, UUID transactionId, Action decision, int score, List<FiredRule> firedRules,
            UUID caseId) {
    }

    @PostMapping("/internal/v1/risk/assessments")
    @PreAuthorize("hasRole('service')")
    Response assess(@Valid @RequestBody Request request) {
        AssessmentService.Assessed assessed = service.assess(request.toRequest());
        return new Response(assessed.id(), assessed.transactionId(), assessed.decision(), assessed.score(),
                assessed.fired().stream().map(FiredRule::of).toList(), assessed.caseId());
    }

    record Explanation(UUID assessmentId, UUID transactionId, AssessmentRequest.TransactionType type, UUID payerId,
            UUID partnerId, AssessmentService.MoneyView amount, Instant occurredAt, Action decision, int score,
            List<FiredRule> firedRules, List<String> reasons, boolean payerKnown, boolean partnerKnown,
            Map<String, Object> facts, List<RuleOutcome> liveOutcomes, List<RuleOutcome> shadowOutcomes,
            Map<String, Object> policy, UUID caseId, Instant assessedAt) {
    }

    @GetMapping("/api/v1/risk/assessments/{id}")
    @PreAuthorize("hasAnyRole('risk_officer', 'auditor')")
    Explanation get(@PathVariable UUID id) {
        Assessment a = assessments.find(id).orElseThrow(() -> new RiskException.NotFound("ASSESSMENT_NOT_FOUND",
                "No such assessment."));
        AssessmentRequest r = a.request();
        return new Explanation(a.id(), r.transactionId(), r.type(), r.payerId(), r.partnerId(),
                new AssessmentService.MoneyView(r.amount().amount(), r.amount().currency()), r.occurredAt(),
                a.decision(), a.score(), a.fired().stream().map(FiredRule::of).toList(), a.reasons(), a.payerKnown(),
                a.partnerKnown(), a.facts(), a.liveOutcomes(), a.shadowOutcomes(), a.policy(), a.caseId(),
                a.assessedAt());
    }
}
