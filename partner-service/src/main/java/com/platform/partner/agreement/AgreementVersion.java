package com.platform.partner.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One version of an agreement: its terms and where it stands. Changed only through {@link Agreement}. */
public class AgreementVersion {

    final UUID agreementId;
    final int version;
    final UUID partnerId;
    AgreementStatus status;
    final Terms terms;
    final String createdBy;
    final Instant createdAt;
    Instant proposedAt;
    String acceptedBy;
    Instant acceptedAt;
    String terminationReason;
    LocalDate terminationEffectiveOn;
    Instant terminatedAt;
    Instant endedAt;

    AgreementVersion(UUID agreementId, int version, UUID partnerId, AgreementStatus status, Terms terms,
            String createdBy, Instant createdAt, Instant proposedAt, String acceptedBy, Instant acceptedAt,
            String terminationReason, LocalDate terminationEffectiveOn, Instant terminatedAt, Instant endedAt) {
        this.agreementId = agreementId;
        this.version = version;
        this.partnerId = partnerId;
        this.status = status;
        this.terms = terms;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.proposedAt = proposedAt;
        this.acceptedBy = acceptedBy;
        this.acceptedAt = acceptedAt;
        this.terminationReason = terminationReason;
        this.terminationEffectiveOn = terminationEffectiveOn;
        this.terminatedAt = terminatedAt;
        this.endedAt = endedAt;
    }

    /** In force on {@code day}: active and within its term (a termination recorded for later still lets it run). */
    public boolean inForceOn(LocalDate day) {
        return status == AgreementStatus.ACTIVE && !terms.startsOn().isAfter(day) && !terms.endsOn().isBefore(day);
    }

    public UUID agreementId() { return agreementId; }
    public int version() { return version; }
    public UUID partnerId() { return partnerId; }
    public AgreementStatus status() { return status; }
    public Terms terms() { return terms; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant proposedAt() { return proposedAt; }
    public String acceptedBy() { return acceptedBy; }
    public Instant acceptedAt() { return acceptedAt; }
    public String terminationReason() { return terminationReason; }
    public LocalDate terminationEffectiveOn() { return terminationEffectiveOn; }
    public Instant terminatedAt() { return terminatedAt; }
    public Instant endedAt() { return endedAt; }
}
