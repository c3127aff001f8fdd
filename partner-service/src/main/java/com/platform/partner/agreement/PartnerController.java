package com.platform.partner.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.platform.partner.partner.Grade;
import com.platform.partner.partner.Partner;
import com.platform.partner.partner.PartnerAccess;
import com.platform.partner.partner.PartnerStatus;
import com.platform.partner.partner.PartnerType;
import com.platform.partner.partner.Partners;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.security.CurrentCaller;

/** Partners as staff and the partner itself see them: status, type, grade and the active agreement. */
@RestController
class PartnerController {

    private static final String[] STAFF = {"operator", "risk_officer", "auditor"};

    private final Partners partners;
    private final Agreements agreements;

    PartnerController(Partners partners, Agreements agreements) {
        this.partners = partners;
        this.agreements = agreements;
    }

    record ActiveAgreement(UUID agreementId, int version, AgreementStatus status, LocalDate startsOn,
            LocalDate endsOn, String commissionRate, int fulfilmentDays, int apiQuotaPerMinute,
            LocalDate terminationEffectiveOn) {
    }

    record PartnerView(UUID id, UUID applicationId, String companyName, String creditCode, PartnerType type,
            PartnerStatus status, Grade grade, LocalDate probationUntil, ActiveAgreement activeAgreement,
            String clientId, Partner.ClientState clientState, Instant createdAt, Instant updatedAt) {
    }

    @GetMapping("/api/v1/partners")
    @PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor', 'partner')")
    PageResponse<PartnerView> list(@RequestParam(required = false) PartnerStatus status,
            @RequestParam(required = false) PartnerType type, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        if (!CurrentCaller.get().hasAnyRole(STAFF)) {
            // a partner lists only itself
            List<PartnerView> own = PartnerAccess.callerPartnerId().flatMap(partners::find)
                    .filter(p -> status == null || p.status() == status).filter(p -> type == null || p.type() == type)
                    .map(this::view).stream().toList();
            return PageResponse.of(query.page() == 0 ? own : List.of(), query, own.size());
        }
        return partners.list(status, type, query).map(this::view);
    }

    @GetMapping("/api/v1/partners/{id}")
    @PreAuthorize("hasAnyRole('operator', 'risk_officer', 'auditor', 'partner', 'enterprise')")
    PartnerView read(@PathVariable UUID id) {
        return view(PartnerAccess.requireOwnOr(partners.get(id), STAFF));
    }

    private PartnerView view(Partner p) {
        ActiveAgreement active = agreements.activeVersionOf(p.id()).map(v -> new ActiveAgreement(v.agreementId(),
                v.version(), v.status(), v.terms().startsOn(), v.terms().endsOn(), v.terms().commissionRateText(),
                v.terms().fulfilmentDays(), v.terms().apiQuotaPerMinute(), v.terminationEffectiveOn())).orElse(null);
        return new PartnerView(p.id(), p.applicationId(), p.companyName(), p.creditCode(), p.type(), p.status(),
                p.grade(), p.probationUntil(), active, p.clientId(), p.clientState(), p.createdAt(), p.updatedAt());
    }
}
