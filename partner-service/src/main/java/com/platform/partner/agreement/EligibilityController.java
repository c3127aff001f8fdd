package com.platform.partner.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.platform.partner.partner.Grade;
import com.platform.partner.partner.Partner;
import com.platform.partner.partner.PartnerStatus;
import com.platform.partner.partner.PartnerType;
import com.platform.partner.partner.Partners;

/**
 * contracts.md: whether a partner may transact (T2), for service accounts only. {@code agreementActive} is true
 * while a version is ACTIVE and today lies within its term; terminated and expired agreements make it false.
 */
@RestController
class EligibilityController {

    private final Partners partners;
    private final Agreements agreements;
    private final Clock clock;

    EligibilityController(Partners partners, Agreements agreements, Clock clock) {
        this.partners = partners;
        this.agreements = agreements;
        this.clock = clock;
    }

    record Eligibility(UUID partnerId, PartnerType type, PartnerStatus status, Grade grade, boolean agreementActive,
            String commissionRate, Integer fulfilmentDays, UUID agreementId, Integer agreementVersion) {
    }

    @GetMapping("/internal/v1/partners/{id}/eligibility")
    @PreAuthorize("hasRole('service')")
    Eligibility eligibility(@PathVariable UUID id) {
        Partner partner = partners.get(id);
        LocalDate today = LocalDate.now(clock);
        Optional<AgreementVersion> active = agreements.activeVersionOf(id).filter(v -> v.inForceOn(today));
        return new Eligibility(partner.id(), partner.type(), partner.status(), partner.grade(), active.isPresent(),
                active.map(v -> v.terms().commissionRateText()).orElse(null),
                active.map(v -> v.terms().fulfilmentDays()).orElse(null),
                active.map(AgreementVersion::agreementId).orElse(null),
                active.map(AgreementVersion::version).orElse(null));
    }
}
