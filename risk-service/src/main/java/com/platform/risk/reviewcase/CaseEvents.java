package com.platform.risk.reviewcase;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.platform.starter.outbox.Outbox;

/** R6: the case events on {@code platform.risk.v1} (contracts.md), each type defined once; subject = case id. */
@Component
public class CaseEvents {

    public static final String TOPIC = "platform.risk.v1";
    public static final String CASE_OPENED = "risk.case-opened";
    public static final String CASE_DECIDED = "risk.case-decided";

    public record CaseOpened(UUID caseId, UUID assessmentId, UUID transactionId, UUID payerId, UUID partnerId,
            Instant occurredAt) {
    }

    public record CaseDecided(UUID caseId, UUID assessmentId, UUID transactionId, UUID payerId, UUID partnerId,
            ReviewCase.Decision decision, boolean fraudConfirmed, String reason, Instant occurredAt) {
    }

    private final Outbox outbox;

    CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void opened(ReviewCase c) {
        outbox.record(TOPIC, "case", c.id().toString(), CASE_OPENED, new CaseOpened(c.id(), c.assessmentId(),
                c.transactionId(), c.payerId(), c.partnerId(), c.openedAt()));
    }

    void decided(ReviewCase c) {
        outbox.record(TOPIC, "case", c.id().toString(), CASE_DECIDED, new CaseDecided(c.id(), c.assessmentId(),
                c.transactionId(), c.payerId(), c.partnerId(), c.decision(), Boolean.TRUE.equals(c.fraudConfirmed()),
                c.reason(), c.decidedAt()));
    }
}
