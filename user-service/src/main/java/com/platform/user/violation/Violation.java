package com.platform.user.violation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A recorded violation (U8) and the penalty decided for it. The penalty is ACTIVE until it ends on schedule
 * (EXPIRED) or the violation is overturned on appeal (LIFTED, with the reason kept in the history). Warnings and
 * bans have no end; only restrictions and suspensions expire.
 */
public final class Violation {

    public enum Source { OPERATOR, RISK_CASE, DISPUTE }

    public enum PenaltyState { ACTIVE, EXPIRED, LIFTED }

    private final UUID id;
    private final UUID userId;
    private final String type;
    private final Severity severity;
    private final boolean fraud;
    private final String description;
    private final String evidence;
    private final Source source;
    private final String sourceReference;
    private final String recordedBy;
    private final Instant recordedAt;
    private final PenaltyKind penaltyKind;
    private final Instant penaltyUntil;
    private PenaltyState penaltyState;
    private Instant penaltyEndedAt;
    private boolean overturned;
    private String overturnReason;

    private Violation(UUID id, UUID userId, String type, Severity severity, boolean fraud, String description,
            String evidence, Source source, String sourceReference, String recordedBy, Instant recordedAt,
            PenaltyKind penaltyKind, Instant penaltyUntil, PenaltyState penaltyState, Instant penaltyEndedAt,
            boolean overturned, String overturnReason) {
        this.id = id;
        this.userId = userId;
        this.type = type;
        this.severity = severity;
        this.fraud = fraud;
        this.description = description;
        this.evidence = evidence;
        this.source = source;
        this.sourceReference = sourceReference;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.penaltyKind = penaltyKind;
        this.penaltyUntil = penaltyUntil;
        this.penaltyState = penaltyState;
        this.penaltyEndedAt = penaltyEndedAt;
        this.overturned = overturned;
        this.overturnReason = overturnReason;
    }

    /** What was done, as reported by an operator or another service. */
    public record Report(UUID userId, String type, Severity severity, boolean fraud, String description,
            String evidence, Source source, String sourceReference, String recordedBy) {
    }

    /** A new violation carrying the penalty the ladder decided for it. */
    public static Violation record(Report report, Penalty penalty, Instant now) {
        return new Violation(UUID.randomUUID(), report.userId(), report.type(), report.severity(), report.fraud(),
                report.description(), report.evidence(), report.source(), report.sourceReference(),
                report.recordedBy(), now, penalty.kind(), penalty.until(now).orElse(null), PenaltyState.ACTIVE, null,
                false, null);
    }

    public static Violation restore(UUID id, UUID userId, String type, Severity severity, boolean fraud,
            String description, String evidence, Source source, String sourceReference, String recordedBy,
            Instant recordedAt, PenaltyKind penaltyKind, Instant penaltyUntil, PenaltyState penaltyState,
            Instant penaltyEndedAt, boolean overturned, String overturnReason) {
        return new Violation(id, userId, type, severity, fraud, description, evidence, source, sourceReference,
                recordedBy, recordedAt, penaltyKind, penaltyUntil, penaltyState, penaltyEndedAt, overturned,
                overturnReason);
    }

    /** Ends a temporary penalty whose time is up; true if it ended now. */
    public boolean expireIfDue(Instant now) {
        if (penaltyState != PenaltyState.ACTIVE || penaltyUntil == null || penaltyUntil.isAfter(now)) {
            return false;
        }
        penaltyState = PenaltyState.EXPIRED;
        penaltyEndedAt = now;
        return true;
    }

    /** An upheld appeal: the violation no longer counts and its penalty is lifted. */
    public void overturn(String reason, Instant now) {
        if (overturned) {
            throw new IllegalStateException("violation " + id + " is already overturned");
        }
        overturned = true;
        overturnReason = reason;
        if (penaltyState == PenaltyState.ACTIVE) {
            penaltyState = PenaltyState.LIFTED;
            penaltyEndedAt = now;
        }
    }

    /** How the ladder sees this violation when deciding later penalties. */
    public PastViolation asPast() {
        return new PastViolation(severity, fraud, penaltyKind, recordedAt, overturned);
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String type() {
        return type;
    }

    public Severity severity() {
        return severity;
    }

    public boolean fraud() {
        return fraud;
    }

    public String description() {
        return description;
    }

    public Optional<String> evidence() {
        return Optional.ofNullable(evidence);
    }

    public Source source() {
        return source;
    }

    public Optional<String> sourceReference() {
        return Optional.ofNullable(sourceReference);
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public PenaltyKind penaltyKind() {
        return penaltyKind;
    }

    public Optional<Instant> penaltyUntil() {
        return Optional.ofNullable(penaltyUntil);
    }

    public PenaltyState penaltyState() {
        return penaltyState;
    }

    public Optional<Instant> penaltyEndedAt() {
        return Optional.ofNullable(penaltyEndedAt);
    }

    public boolean overturned() {
        return overturned;
    }

    public Optional<String> overturnReason() {
        return Optional.ofNullable(overturnReason);
    }
}
