package com.platform.partner.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * P4, the terms of one agreement version (api.md vocabulary): cooperation mode, term, rights and obligations,
 * confidentiality, liability for breach, commission rate (exact, 4 decimals: {@code 0.0500} = 5 %), the
 * service-level target (fulfilment within N days), the API quota and the notice a termination needs.
 */
public record Terms(String cooperationMode, LocalDate startsOn, LocalDate endsOn, String rightsAndObligations,
        String confidentiality, String breachLiability, BigDecimal commissionRate, int fulfilmentDays,
        int apiQuotaPerMinute, int terminationNoticeDays) {

    public String commissionRateText() {
        return commissionRate.setScale(4).toPlainString();
    }
}
