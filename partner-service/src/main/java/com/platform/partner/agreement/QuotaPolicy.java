package com.platform.partner.agreement;

import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.platform.partner.partner.Grade;
import com.platform.partner.partner.Partner;
import com.platform.partner.partner.PartnerEvents;
import com.platform.partner.partner.PartnerStatus;

/**
 * G2/P6: the API quota the gateway enforces for a partner. The active version's {@code apiQuotaPerMinute}, raised
 * by {@code gradeAMultiplier} (rounded down) while the partner's grade is A (P6: A is rewarded with higher limits);
 * 0 (may not call) without an active agreement or while the partner is suspended or terminated.
 *
 * @param gradeAMultiplier the raise for grade A, e.g. 1.5 = +50 %
 */
@ConfigurationProperties("partner.quota")
public record QuotaPolicy(@DefaultValue("1.5") double gradeAMultiplier) {

    public PartnerEvents.QuotaSet quotaOf(Partner partner, Optional<AgreementVersion> active, Instant now) {
        boolean mayCall = partner.status() == PartnerStatus.ACTIVE || partner.status() == PartnerStatus.PROBATION;
        if (!mayCall || active.isEmpty()) {
            return new PartnerEvents.QuotaSet(partner.id(), 0, active.map(AgreementVersion::agreementId).orElse(null),
                    active.map(AgreementVersion::version).orElse(null), now);
        }
        AgreementVersion v = active.get();
        int base = v.terms().apiQuotaPerMinute();
        int quota = partner.grade() == Grade.A ? (int) Math.floor(base * gradeAMultiplier) : base;
        return new PartnerEvents.QuotaSet(partner.id(), quota, v.agreementId(), v.version(), now);
    }
}
