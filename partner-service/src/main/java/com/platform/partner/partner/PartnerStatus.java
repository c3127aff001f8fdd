package com.platform.partner.partner;

/** api.md vocabulary: a partner's standing after admission (P3, P6). */
public enum PartnerStatus {
    ADMITTED, ACTIVE, PROBATION, SUSPENDED, TERMINATED;

    /** Whether the partner may still get (and keep) an agreement and API access. */
    public boolean isOpen() {
        return this != TERMINATED;
    }
}
