package com.platform.partner.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.partner.support.FreeText;
import com.platform.starter.problem.PlatformException;

/** P5/P6 over HTTP: inspections by operators, evaluations on demand and their history, the published weights. */
@RestController
class SupervisionController {

    private final InspectionService inspections;
    private final EvaluationService evaluations;
    private final EvaluationPolicy policy;
    private final java.time.Clock clock;

    SupervisionController(InspectionService inspections, EvaluationService evaluations, EvaluationPolicy policy,
            java.time.Clock clock) {
        this.inspections = inspections;
        this.evaluations = evaluations;
        this.policy = policy;
        this.clock = clock;
    }

    record FindingRequest(@NotNull Severity severity, @NotBlank @Size(max = 2000) @FreeText String description) {
    }

    record InspectionRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid FindingRequest> findings,
            LocalDate rectificationDueOn) {
    }

    @PostMapping("/api/v1/partners/{id}/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('operator')")
    InspectionService.Inspection inspect(@PathVariable UUID id, @Valid @RequestBody InspectionRequest request) {
        if (request.rectificationDueOn() != null && !request.rectificationDueOn().isAfter(LocalDate.now(clock))) {
            throw PlatformException.invalidField("rectificationDueOn", "must be in the future");
        }
        return inspections.record(id, request.findings().stream()
                .map(f -> new InspectionService.Finding(f.severity(), f.description().strip())).toList(),
                request.rectificationDueOn());
    }

    @GetMapping("/api/v1/partners/{id}/inspections")
    @PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor', 'partner', 'enterprise')")
    List<InspectionService.Inspection> inspections(@PathVariable UUID id) {
        return inspections.ofPartner(id);
    }

    @PostMapping("/api/v1/partners/{id}/inspections/{inspectionId}/rectification")
    @PreAuthorize("hasRole('operator')")
    InspectionService.Inspection rectified(@PathVariable UUID id, @PathVariable UUID inspectionId) {
        return inspections.rectified(id, inspectionId);
    }

    record EvaluationRequest(LocalDate periodStart, LocalDate periodEnd) {
    }

    @PostMapping("/api/v1/partners/{id}/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('operator')")
    EvaluationService.Evaluation evaluate(@PathVariable UUID id,
            @Valid @RequestBody(required = false) EvaluationRequest request) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = request == null || request.periodEnd() == null ? today : request.periodEnd();
        LocalDate start = request == null || request.periodStart() == null ? end.minusDays(89) : request.periodStart();
        if (end.isAfter(today)) {
            throw PlatformException.invalidField("periodEnd", "must not be in the future");
        }
        if (start.isAfter(end)) {
            throw PlatformException.invalidField("periodStart", "must not be after periodEnd");
        }
        if (start.isBefore(end.minusYears(1))) {
            throw PlatformException.invalidField("periodStart", "a period is at most one year");
        }
        return evaluations.evaluateNow(id, new EvaluationService.Period(start, end));
    }

    @GetMapping("/api/v1/partners/{id}/evaluations")
    @PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor', 'partner', 'enterprise')")
    List<EvaluationService.Evaluation> history(@PathVariable UUID id) {
        return evaluations.history(id);
    }

    @GetMapping("/api/v1/partner-evaluation-policy")
    @PreAuthorize("isAuthenticated()")
    EvaluationPolicy policy() {
        return policy;
    }
}
