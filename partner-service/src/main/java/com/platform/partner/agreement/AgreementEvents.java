package com.platform.partner.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.platform.partner.partner.PartnerEvents;

/** P8: agreement events on platform.partners.v1 (subject: the partner id), payload as contracts.md fixes it. */
@Component
class AgreementEvents {

    static final String PROPOSED = "agreement.proposed";
    static final String SIGNED = "agreement.signed";
    static final String AMENDED = "agreement.amended";
    static final String TERMINATED = "agreement.terminated";
    static final String EXPIRING = "agreement.expiring";
    static final String EXPIRED = "agreement.expired";

    private final PartnerEvents events;

    AgreementEvents(PartnerEvents events) {
        this.events = events;
    }

    record AgreementEvent(UUID partnerId, UUID agreementId, int version, AgreementStatus status,
            String commissionRate, int fulfilmentDays, int apiQuotaPerMinute, LocalDate startsOn, LocalDate endsOn,
            LocalDate effectiveOn, Integer daysLeft, String reason, Instant occurredAt) {
    }

    void publish(String type, AgreementVersion v, Instant now) {
        publish(type, v, null, null, now);
    }

    void publish(String type, AgreementVersion v, LocalDate effectiveOn, Integer daysLeft, Instant now) {
        Terms t = v.terms();
        events.partner(v.partnerId(), type, new AgreementEvent(v.partnerId(), v.agreementId(), v.version(),
                v.status(), t.commissionRateText(), t.fulfilmentDays(), t.apiQuotaPerMinute(), t.startsOn(),
                t.endsOn(), effectiveOn, daysLeft, v.terminationReason(), now));
    }
}
