package com.platform.user.violation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.starter.audit.AuditTrail;

/** U8: restrictions and suspensions end on schedule; the account's status and Keycloak login follow. */
@Component
public class PenaltyExpiry {

    static final String ACTOR = "system:penalty-expiry";

    private final Violations violations;
    private final AccountStanding standing;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PenaltyExpiry(Violations violations, AccountStanding standing, AuditTrail audit, TransactionTemplate transaction,
            Clock clock) {
        this.violations = violations;
        this.standing = standing;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return how many penalties ended */
    public int expireDue() {
        Instant now = clock.instant();
        int ended = 0;
        for (UUID userId : violations.usersWithPenaltiesDue(now, 100)) {
            Integer count = transaction.execute(status -> {
                int expired = 0;
                for (Violation violation : violations.activeOfUserForUpdate(userId)) {
                    if (violation.expireIfDue(now)) {
                        violations.update(violation);
                        audit.recordAs(ACTOR, "penalty.expired", "user", userId.toString(),
                                Map.of("violationId", violation.id(), "penaltyState", "ACTIVE"),
                                Map.of("violationId", violation.id(), "penaltyState", "EXPIRED"));
                        expired++;
                    }
                }
                standing.recompute(userId, "penalty ended", now);
                return expired;
            });
            ended += count == null ? 0 : count;
        }
        return ended;
    }
}
