package com.platform.user.feedback;

import java.time.Instant;
import java.util.UUID;

import com.platform.starter.problem.PlatformException;

/** A complaint or suggestion (U7): open until an operator replies, which closes it. */
public record Feedback(UUID id, UUID userId, Kind kind, String subject, String body, Status status, Instant createdAt,
        String reply, String repliedBy, Instant repliedAt) {

    public enum Kind { COMPLAINT, SUGGESTION }

    public enum Status { OPEN, ANSWERED }

    static Feedback file(UUID userId, Kind kind, String subject, String body, Instant now) {
        return new Feedback(UUID.randomUUID(), userId, kind, subject, body, Status.OPEN, now, null, null, null);
    }

    Feedback answer(String text, String operator, Instant now) {
        if (status != Status.OPEN) {
            throw PlatformException.conflict("FEEDBACK_ALREADY_ANSWERED", "This feedback has been answered.");
        }
        return new Feedback(id, userId, kind, subject, body, Status.ANSWERED, createdAt, text, operator, now);
    }
}
