package com.platform.partner.agreement;

/** api.md vocabulary: the status of one agreement version. */
public enum AgreementStatus {
    DRAFT, PROPOSED, ACTIVE, SUPERSEDED, TERMINATED, EXPIRED
}
