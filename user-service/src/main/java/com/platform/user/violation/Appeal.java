package com.platform.user.violation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.platform.starter.problem.PlatformException;

/**
 * A person's one appeal against a violation (U8). It is decided once, by an operator other than the one who
 * recorded the violation; OVERTURNED lifts the penalty, UPHELD keeps it.
 */
public final class Appeal {

    public enum Status { PENDING, UPHELD, OVERTURNED }

    public enum Outcome { UPHELD, OVERTURNED }

    private final UUID id;
    private final UUID violationId;
    private final UUID userId;
    private final String reason;
    private Status status;
    private final Instant filedAt;
    private String decidedBy;
    private String decisionReason;
    private Instant decidedAt;

    private Appeal(UUID id, UUID violationId, UUID userId, String reason, Status status, Instant filedAt,
            String decidedBy, String decisionReason, Instant decidedAt) {
        this.id = id;
        this.violationId = violationId;
        this.userId = userId;
        this.reason = reason;
        this.status = status;
        this.filedAt = filedAt;
        this.decidedBy = decidedBy;
        this.decisionReason = decisionReason;
        this.decidedAt = decidedAt;
    }

    public static Appeal file(Violation violation, String reason, Instant now) {
        return new Appeal(UUID.randomUUID(), violation.id(), violation.userId(), reason, Status.PENDING, now, null,
                null, null);
    }

    public static Appeal restore(UUID id, UUID violationId, UUID userId, String reason, Status status,
            Instant filedAt, String decidedBy, String decisionReason, Instant decidedAt) {
        return new Appeal(id, violationId, userId, reason, status, filedAt, decidedBy, decisionReason, decidedAt);
    }

    /** Decides the appeal; an OVERTURNED outcome also overturns the violation. */
    public void decide(Outcome outcome, String why, String decider, Violation violation, Instant now) {
        if (status != Status.PENDING) {
            throw PlatformException.conflict("APPEAL_ALREADY_DECIDED", "This appeal has been decided.");
        }
        if (decider.equals(violation.recordedBy())) {
            throw new PlatformException(HttpStatus.FORBIDDEN, "APPEAL_DECIDER_CONFLICT",
                    "The operator who recorded the violation cannot decide its appeal.");
        }
        status = outcome == Outcome.OVERTURNED ? Status.OVERTURNED : Status.UPHELD;
        decidedBy = decider;
        decisionReason = why;
        decidedAt = now;
        if (outcome == Outcome.OVERTURNED) {
            violation.overturn(why, now);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID violationId() {
        return violationId;
    }

    public UUID userId() {
        return userId;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public Optional<String> decidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<String> decisionReason() {
        return Optional.ofNullable(decisionReason);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }
}
