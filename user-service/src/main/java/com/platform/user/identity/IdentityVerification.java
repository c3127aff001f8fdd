package com.platform.user.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One real-name verification (U4): a legal name and a document, checked by the identity provider. It stays
 * PENDING while the provider cannot answer and is retried with growing delays; it is never approved without the
 * provider's MATCH. While PENDING or VERIFIED its document is bound to this account (a unique blind index).
 */
public final class IdentityVerification {

    public enum Status { PENDING, VERIFIED, REJECTED }

    public enum ProviderResult { MATCH, NO_MATCH }

    /** How long a claimed provider call keeps others off; far beyond the call's 1 s + 3 s timeouts. */
    static final Duration CALL_LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

    private final UUID id;
    private final UUID userId;
    private final String legalName;
    private final DocumentType documentType;
    private final String documentNumber;
    private Status status;
    private String providerReference;
    private int attempts;
    private Instant nextAttemptAt;
    private final Instant submittedAt;
    private Instant decidedAt;

    private IdentityVerification(UUID id, UUID userId, String legalName, DocumentType documentType,
            String documentNumber, Status status, String providerReference, int attempts, Instant nextAttemptAt,
            Instant submittedAt, Instant decidedAt) {
        this.id = id;
        this.userId = userId;
        this.legalName = legalName;
        this.documentType = documentType;
        this.documentNumber = documentNumber;
        this.status = status;
        this.providerReference = providerReference;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.submittedAt = submittedAt;
        this.decidedAt = decidedAt;
    }

    /** A new verification; {@code documentNumber} has already passed its format and check-digit rules. */
    public static IdentityVerification submit(UUID userId, String legalName, DocumentType documentType,
            String documentNumber, Instant now) {
        return new IdentityVerification(UUID.randomUUID(), userId, legalName, documentType, documentNumber,
                Status.PENDING, null, 0, now, now, null);
    }

    public static IdentityVerification restore(UUID id, UUID userId, String legalName, DocumentType documentType,
            String documentNumber, Status status, String providerReference, int attempts, Instant nextAttemptAt,
            Instant submittedAt, Instant decidedAt) {
        return new IdentityVerification(id, userId, legalName, documentType, documentNumber, status,
                providerReference, attempts, nextAttemptAt, submittedAt, decidedAt);
    }

    /**
     * Claims the next provider call: only a pending verification whose attempt is due can be claimed, and the
     * claim moves the next attempt past {@link #CALL_LEASE}, so neither the retry job nor another instance asks
     * the provider again while this call runs. A caller that dies mid-call leaves a retry once the lease ends.
     */
    public boolean claimCall(Instant now) {
        if (status != Status.PENDING || nextAttemptAt == null || nextAttemptAt.isAfter(now)) {
            return false;
        }
        nextAttemptAt = now.plus(CALL_LEASE);
        return true;
    }

    /** Whether the answer to a call claimed as {@code claimed} may still be recorded: nobody answered since. */
    public boolean awaitsAnswerTo(IdentityVerification claimed) {
        return status == Status.PENDING && attempts == claimed.attempts;
    }

    /** The provider's answer; only a pending verification takes one. */
    public void recordResult(ProviderResult result, String reference, Instant now) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("verification " + id + " is already " + status);
        }
        status = result == ProviderResult.MATCH ? Status.VERIFIED : Status.REJECTED;
        providerReference = reference;
        attempts++;
        nextAttemptAt = null;
        decidedAt = now;
    }

    /** The provider could not answer: stay PENDING and try again later (30 s, doubling, at most 30 min). */
    public void providerUnavailable(Instant now) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("verification " + id + " is already " + status);
        }
        attempts++;
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        nextAttemptAt = now.plus(delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay);
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String legalName() {
        return legalName;
    }

    public DocumentType documentType() {
        return documentType;
    }

    public String documentNumber() {
        return documentNumber;
    }

    public Status status() {
        return status;
    }

    public Optional<String> providerReference() {
        return Optional.ofNullable(providerReference);
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }
}
