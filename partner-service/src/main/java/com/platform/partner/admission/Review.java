package com.platform.partner.admission;

import java.time.Instant;
import java.util.List;

/** An operator's decision on an application with its reasons, visible to the applicant (P3). */
public record Review(String reviewerId, Decision decision, List<String> reasons, Instant reviewedAt) {

    public enum Decision { APPROVE, REJECT }
}
