package com.platform.partner.admission;

/** P3: submitted -> under review -> approved | rejected -> contracted (agreement signed) -> active. */
public enum ApplicationStatus {
    SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED, CONTRACTED, ACTIVE;

    /** An application that still stands (the same company may not apply again meanwhile). */
    public boolean isOpen() {
        return this != REJECTED;
    }
}
