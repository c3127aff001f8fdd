package com.platform.user.violation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.starter.audit.AuditTrail;

/**
 * U8: restrictions and suspensions end on schedule; the account's status and Keycloak login follow. Locks in the
 * service's one order (account row, then its violations, audit last), the order {@link ViolationService} and
 * {@link AppealService} use, so a penalty ending while a violation is recorded for the same person never deadlocks.
 */
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
                if (!standing.lockAccount(userId)) {
                    return 0;
                }
                List<Violation> expired = new ArrayList<>();
                for (Violation violation : violations.activeOfUserForUpdate(userId)) {
                    if (violation.expireIfDue(now)) {
                        violations.update(violation);
                        expired.add(violation);
                    }
                }
                standing.recompute(userId, "penalty ended", now);
                // the audit append takes the trail-wide lock: last, after every row lock of this transaction
                for (Violation violation : expired) {
                    audit.recordAs(ACTOR, "penalty.expired", "user", userId.toString(),
                            Map.of("violationId", violation.id(), "penaltyState", "ACTIVE"),
                            Map.of("violationId", violation.id(), "penaltyState", "EXPIRED"));
                }
                return expired.size();
            });
            ended += count == null ? 0 : count;
        }
        return ended;
    }
}
