package com.platform.risk.register;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.risk.support.RiskException;
import com.platform.starter.audit.AuditTrail;
import com.platform.starter.security.CurrentCaller;

/** R4 use cases, audited; lock order: the risk row, then its reviews, the audit entry last. */
@Service
class RegisterService {

    private final RiskRegister register;
    private final ReviewSchedule schedule;
    private final AuditTrail audit;
    private final Clock clock;

    RegisterService(RiskRegister register, ReviewSchedule schedule, AuditTrail audit, Clock clock) {
        this.register = register;
        this.schedule = schedule;
        this.audit = audit;
        this.clock = clock;
    }

    record Entry(String title, RiskCategory category, String description, String owner, List<String> controls,
            RiskRating rating) {
    }

    @Transactional
    RegisteredRisk register(Entry entry) {
        Instant now = clock.instant();
        RegisteredRisk risk = new RegisteredRisk(UUID.randomUUID(), entry.title(), entry.category(),
                entry.description(), entry.owner(), entry.controls(), entry.rating(), null,
                schedule.nextDue(entry.rating().residualLevel(), now), CurrentCaller.get().actor(), now, now, 1);
        register.insert(risk);
        audit.record("register.risk-registered", "register-risk", risk.id().toString(), null, snapshot(risk));
        return risk;
    }

    @Transactional
    RegisteredRisk change(UUID id, Entry entry) {
        RegisteredRisk before = register.find(id, true).orElseThrow(RegisterService::notFound);
        Instant now = clock.instant();
        Instant from = before.lastReviewedAt() != null ? before.lastReviewedAt() : before.createdAt();
        RegisteredRisk after = new RegisteredRisk(id, entry.title(), entry.category(), entry.description(),
                entry.owner(), entry.controls(), entry.rating(), before.lastReviewedAt(),
                schedule.nextDue(entry.rating().residualLevel(), from), before.createdBy(), before.createdAt(), now,
                before.version() + 1);
        register.update(after);
        audit.record("register.risk-changed", "register-risk", id.toString(), snapshot(before), snapshot(after));
        return after;
    }

    /** A review re-rates the risk (or confirms its rating) and sets the next due date from now. */
    @Transactional
    RiskRegister.Review review(UUID id, String notes, Integer likelihood, Integer impact, Integer residualLikelihood,
            Integer residualImpact) {
        RegisteredRisk before = register.find(id, true).orElseThrow(RegisterService::notFound);
        RiskRating old = before.rating();
        int l = likelihood == null ? old.likelihood() : likelihood;
        int i = impact == null ? old.impact() : impact;
        RiskRating rating = RiskRating.of(l, i, old.strategy(), old.contingencyPlan(),
                residualLikelihood == null ? Math.min(old.residualLikelihood(), l) : residualLikelihood,
                residualImpact == null ? Math.min(old.residualImpact(), i) : residualImpact);
        Instant now = clock.instant();
        RegisteredRisk after = new RegisteredRisk(id, before.title(), before.category(), before.description(),
                before.owner(), before.controls(), rating, now, schedule.nextDue(rating.residualLevel(), now),
                before.createdBy(), before.createdAt(), now, before.version() + 1);
        register.update(after);
        RiskRegister.Review review = new RiskRegister.Review(UUID.randomUUID(), id, CurrentCaller.get().actor(), now,
                notes, rating.likelihood(), rating.impact(), rating.residualLikelihood(), rating.residualImpact(),
                rating.level(), rating.residualLevel());
        register.insertReview(review);
        audit.record("register.risk-reviewed", "register-risk", id.toString(), snapshot(before), snapshot(after));
        return review;
    }

    static RiskException notFound() {
        return new RiskException.NotFound("RISK_NOT_FOUND", "No such risk in the register.");
    }

    private static Map<String, Object> snapshot(RegisteredRisk r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("title", r.title());
        state.put("category", r.category());
        state.put("owner", r.owner());
        state.put("likelihood", r.rating().likelihood());
        state.put("impact", r.rating().impact());
        state.put("level", r.rating().level());
        state.put("strategy", r.rating().strategy());
        state.put("residualLikelihood", r.rating().residualLikelihood());
        state.put("residualImpact", r.rating().residualImpact());
        state.put("controls", r.controls());
        state.put("nextReviewDue", r.nextReviewDue());
        state.put("version", r.version());
        return state;
    }
}
