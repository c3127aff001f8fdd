package com.platform.partner.agreement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.partner.partner.PartnerAccess;
import com.platform.partner.partner.Partners;
import com.platform.partner.support.FreeText;
import com.platform.starter.problem.PlatformException;

/** P4 over HTTP: operators draft, propose, amend and terminate; the partner reads and signs. */
@RestController
class AgreementController {

    private final AgreementService service;
    private final Agreements agreements;
    private final Partners partners;

    AgreementController(AgreementService service, Agreements agreements, Partners partners) {
        this.service = service;
        this.agreements = agreements;
        this.partners = partners;
    }

    record TermsRequest(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{0,31}", message = "must be an upper-case code such as "
                    + "PLATFORM_SERVICE") String cooperationMode,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotBlank @Size(max = 4000) @FreeText String rightsAndObligations,
            @NotBlank @Size(max = 4000) @FreeText String confidentiality,
            @NotBlank @Size(max = 4000) @FreeText String breachLiability,
            @NotBlank @Pattern(regexp = "0(\\.\\d{1,4})?|1(\\.0{1,4})?",
                    message = "must be a decimal string between 0 and 1 with at most 4 decimals, e.g. \"0.0500\"")
            String commissionRate,
            @NotNull @Min(1) @Max(365) Integer fulfilmentDays,
            @NotNull @Min(1) @Max(100_000) Integer apiQuotaPerMinute,
            @NotNull @Min(0) @Max(365) Integer terminationNoticeDays) {

        Terms toTerms() {
            if (!endsOn.isAfter(startsOn)) {
                throw PlatformException.invalidField("endsOn", "must be after startsOn");
            }
            if (endsOn.isAfter(startsOn.plusYears(10))) {
                throw PlatformException.invalidField("endsOn", "a term is at most 10 years");
            }
            return new Terms(cooperationMode, startsOn, endsOn, rightsAndObligations.strip(), confidentiality.strip(),
                    breachLiability.strip(), new BigDecimal(commissionRate).setScale(4), fulfilmentDays,
                    apiQuotaPerMinute, terminationNoticeDays);
        }
    }

    record TermsView(String cooperationMode, LocalDate startsOn, LocalDate endsOn, String rightsAndObligations,
            String confidentiality, String breachLiability, String commissionRate, int fulfilmentDays,
            int apiQuotaPerMinute, int terminationNoticeDays) {

        static TermsView of(Terms t) {
            return new TermsView(t.cooperationMode(), t.startsOn(), t.endsOn(), t.rightsAndObligations(),
                    t.confidentiality(), t.breachLiability(), t.commissionRateText(), t.fulfilmentDays(),
                    t.apiQuotaPerMinute(), t.terminationNoticeDays());
        }
    }

    record VersionView(UUID agreementId, UUID partnerId, int version, AgreementStatus status, TermsView terms,
            Instant createdAt, Instant proposedAt, Instant acceptedAt, String terminationReason,
            LocalDate terminationEffectiveOn, Instant endedAt) {

        static VersionView of(AgreementVersion v) {
            return new VersionView(v.agreementId(), v.partnerId(), v.version(), v.status(), TermsView.of(v.terms()),
                    v.createdAt(), v.proposedAt(), v.acceptedAt(), v.terminationReason(), v.terminationEffectiveOn(),
                    v.endedAt());
        }
    }

    record AgreementView(UUID id, UUID partnerId, int version, AgreementStatus status, List<VersionView> versions) {

        static AgreementView of(Agreement a) {
            AgreementVersion shown = a.pending().orElse(a.active().orElse(a.latest()));
            return new AgreementView(a.id(), a.partnerId(), shown.version(), shown.status(),
                    a.versions().stream().map(VersionView::of).toList());
        }
    }

    @PostMapping("/api/v1/partners/{id}/agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('operator')")
    AgreementView draft(@PathVariable UUID id, @Valid @RequestBody TermsRequest terms) {
        return AgreementView.of(service.draft(id, terms.toTerms()));
    }

    @GetMapping("/api/v1/partners/{id}/agreements")
    @PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor', 'partner', 'enterprise')")
    List<AgreementView> list(@PathVariable UUID id) {
        PartnerAccess.requireOwnOr(partners.get(id), "operator", "risk_officer", "auditor");
        return agreements.idsOf(id).stream().map(a -> AgreementView.of(agreements.find(a).orElseThrow())).toList();
    }

    @GetMapping("/api/v1/partners/{id}/agreements/{agreementId}")
    @PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor', 'partner', 'enterprise')")
    AgreementView read(@PathVariable UUID id, @PathVariable UUID agreementId) {
        PartnerAccess.requireOwnOr(partners.get(id), "operator", "risk_officer", "auditor");
        return AgreementView.of(agreements.find(agreementId).filter(a -> a.partnerId().equals(id))
                .orElseThrow(Agreements::unknown));
    }

    @PostMapping("/api/v1/partners/{id}/agreements/{agreementId}/proposal")
    @PreAuthorize("hasRole('operator')")
    AgreementView propose(@PathVariable UUID id, @PathVariable UUID agreementId) {
        return AgreementView.of(service.propose(id, agreementId));
    }

    record AcceptanceRequest(@Min(1) Integer version) {
    }

    record AcceptanceResponse(AgreementView agreement, String clientId, String clientSecret) {
    }

    @PostMapping("/api/v1/partners/{id}/agreements/{agreementId}/acceptance")
    @PreAuthorize("hasAnyRole('enterprise', 'partner')")
    AcceptanceResponse accept(@PathVariable UUID id, @PathVariable UUID agreementId,
            @Valid @RequestBody(required = false) AcceptanceRequest request) {
        AgreementService.Signature signature = service.accept(id, agreementId,
                request == null ? null : request.version());
        return new AcceptanceResponse(AgreementView.of(signature.agreement()),
                signature.client() == null ? null : signature.client().clientId(),
                signature.client() == null ? null : signature.client().clientSecret());
    }

    @PostMapping("/api/v1/partners/{id}/agreements/{agreementId}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('operator')")
    AgreementView amend(@PathVariable UUID id, @PathVariable UUID agreementId,
            @Valid @RequestBody TermsRequest terms) {
        return AgreementView.of(service.amend(id, agreementId, terms.toTerms()));
    }

    record TerminationRequest(@NotBlank @Size(max = 500) @FreeText String reason, @NotNull LocalDate effectiveOn) {
    }

    @PostMapping("/api/v1/partners/{id}/agreements/{agreementId}/termination")
    @PreAuthorize("hasRole('operator')")
    AgreementView terminate(@PathVariable UUID id, @PathVariable UUID agreementId,
            @Valid @RequestBody TerminationRequest request) {
        return AgreementView.of(service.terminate(id, agreementId, request.reason().strip(), request.effectiveOn()));
    }
}
