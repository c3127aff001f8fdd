package com.platform.user.violation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.user.account.UserEvents;

/** U8 appeals: one per violation, filed by its holder, decided by another operator than the recorder. */
@Service
public class AppealService {

    private final Violations violations;
    private final AccountStanding standing;
    private final UserEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    AppealService(Violations violations, AccountStanding standing, UserEvents events, AuditTrail audit, Clock clock) {
        this.violations = violations;
        this.standing = standing;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    record AppealDecided(UUID userId, UUID appealId, UUID violationId, Appeal.Outcome outcome, Instant occurredAt) {
    }

    /** The person's own violations only: another person's violation id is "not found". */
    @Transactional
    public Appeal file(UUID userId, UUID violationId, String reason) {
        // lock order: the account row first (the appeal's insert share-locks it), then the violation
        standing.lockAccount(userId);
        Violation violation = violations.findForUpdate(violationId).filter(v -> v.userId().equals(userId))
                .orElseThrow(() -> PlatformException.notFound("VIOLATION_NOT_FOUND", "No such violation"));
        if (violations.appealOf(violationId).isPresent()) {
            throw alreadyAppealed();
        }
        Appeal appeal = Appeal.file(violation, reason, clock.instant());
        try {
            violations.insert(appeal);
        }
        catch (DuplicateKeyException e) {
            throw alreadyAppealed();
        }
        return appeal;
    }

    @Transactional
    public Appeal decide(UUID appealId, Appeal.Outcome outcome, String reason) {
        // lock order: the account row first, then the appeal and its violation, the audit entry last
        UUID userId = violations.findAppeal(appealId).orElseThrow(AppealService::unknownAppeal).userId();
        standing.lockAccount(userId);
        Appeal appeal = violations.findAppealForUpdate(appealId).orElseThrow(AppealService::unknownAppeal);
        Violation violation = violations.findForUpdate(appeal.violationId()).orElseThrow();
        Instant now = clock.instant();
        appeal.decide(outcome, reason, CurrentCaller.get().actor(), violation, now);
        violations.update(appeal);
        violations.update(violation);
        if (outcome == Appeal.Outcome.OVERTURNED) {
            standing.recompute(violation.userId(), "violation " + violation.id() + " overturned on appeal", now);
        }
        events.publish(violation.userId(), UserEvents.APPEAL_DECIDED,
                new AppealDecided(violation.userId(), appeal.id(), violation.id(), outcome, now));
        audit.record("appeal.decided", "appeal", appeal.id().toString(), Map.of("status", "PENDING"),
                Map.of("status", appeal.status(), "violationId", violation.id(), "penaltyState",
                        violation.penaltyState()));
        return appeal;
    }

    private static PlatformException unknownAppeal() {
        return PlatformException.notFound("APPEAL_NOT_FOUND", "No such appeal");
    }

    private static PlatformException alreadyAppealed() {
        return PlatformException.conflict("APPEAL_ALREADY_FILED", "This violation has already been appealed.");
    }
}
