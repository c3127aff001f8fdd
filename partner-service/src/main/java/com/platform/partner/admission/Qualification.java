package com.platform.partner.admission;

import java.time.LocalDate;

/** A type-specific licence or permit the applicant holds (P1). */
public record Qualification(QualificationKind kind, String number, LocalDate expiresOn) {
}
