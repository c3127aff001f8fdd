package com.platform.risk.reviewcase;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.risk.support.RiskException;
import com.platform.starter.audit.AuditTrail;
import com.platform.starter.security.CurrentCaller;

/** R3 use cases; lock order: the case row, then the outbox, the audit entry last. */
@Service
class CaseService {

    private final ReviewCases cases;
    private final CaseEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    CaseService(ReviewCases cases, CaseEvents events, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ReviewCase take(UUID id) {
        ReviewCase before = cases.findForUpdate(id).orElseThrow(CaseService::notFound);
        ReviewCase taken = before.take(CurrentCaller.get().actor(), clock.instant());
        if (taken != before) {
            cases.update(taken);
            audit.record("case.taken", "case", id.toString(), snapshot(before), snapshot(taken));
        }
        return taken;
    }

    @Transactional
    ReviewCase decide(UUID id, ReviewCase.Decision decision, boolean fraudConfirmed, String reason) {
        ReviewCase before = cases.findForUpdate(id).orElseThrow(CaseService::notFound);
        ReviewCase decided = before.decide(CurrentCaller.get().actor(), decision, fraudConfirmed, reason,
                clock.instant());
        cases.update(decided);
        events.decided(decided);
        audit.record("case.decided", "case", id.toString(), snapshot(before), snapshot(decided));
        return decided;
    }

    static RiskException notFound() {
        return new RiskException.NotFound("CASE_NOT_FOUND", "No such case.");
    }

    private static Map<String, Object> snapshot(ReviewCase c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", c.status());
        state.put("owner", c.owner());
        state.put("decision", c.decision());
        state.put("fraudConfirmed", c.fraudConfirmed());
        state.put("reason", c.reason());
        return state;
    }
}
