package com.platform.user.violation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.starter.audit.AuditTrail;
import com.platform.user.account.AccountStatus;
import com.platform.user.account.UnknownUserException;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;

/**
 * U8: records a violation, decides its penalty with the {@link PenaltyLadder} from the person's history and
 * applies it to the account's status, all in one transaction with its event and audit entry.
 */
@Service
public class ViolationService {

    private final UserAccounts accounts;
    private final Violations violations;
    private final PenaltyLadder ladder;
    private final AccountStanding standing;
    private final UserEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    ViolationService(UserAccounts accounts, Violations violations, PenaltyLadder ladder, AccountStanding standing,
            UserEvents events, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.violations = violations;
        this.ladder = ladder;
        this.standing = standing;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    record ViolationRecorded(UUID userId, UUID violationId, String type, Severity severity, boolean fraud,
            Violation.Source source, PenaltyKind penaltyKind, Instant penaltyUntil, Instant occurredAt) {
    }

    /**
     * @return the new violation, or empty when the report came from an event already recorded (same source and
     * reference) or concerns an account that is closed
     */
    @Transactional
    public Optional<Violation> record(Violation.Report report) {
        // the lock serialises penalties of one person, so each decision sees the previous one
        UserAccount account = accounts.findForUpdate(report.userId())
                .orElseThrow(() -> new UnknownUserException(report.userId()));
        if (report.sourceReference() != null
                && violations.existsFromSource(report.source(), report.sourceReference())) {
            return Optional.empty();
        }
        if (account.status() == AccountStatus.CLOSED) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Penalty penalty = ladder.decide(report.severity(), report.fraud(), violations.history(report.userId()), now);
        Violation violation = Violation.record(report, penalty, now);
        violations.insert(violation);
        standing.recompute(report.userId(), "penalty " + penalty.kind() + " for violation " + violation.id(), now);
        events.publish(report.userId(), UserEvents.VIOLATION_RECORDED, new ViolationRecorded(report.userId(),
                violation.id(), violation.type(), violation.severity(), violation.fraud(), violation.source(),
                violation.penaltyKind(), violation.penaltyUntil().orElse(null), now));
        audit.recordAs(report.recordedBy(), "violation.recorded", "user", report.userId().toString(), null,
                Map.of("violationId", violation.id(), "type", violation.type(), "severity", violation.severity(),
                        "source", violation.source(), "penalty", violation.penaltyKind(),
                        "until", String.valueOf(violation.penaltyUntil().orElse(null))));
        return Optional.of(violation);
    }
}
