package com.platform.risk.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.risk.assessment.Assessment;
import com.platform.risk.assessment.Assessments;
import com.platform.risk.decision.DecisionPolicy;
import com.platform.risk.engine.Action;
import com.platform.risk.engine.CompiledRule;
import com.platform.risk.engine.Facts;
import com.platform.risk.engine.Outcome;
import com.platform.risk.engine.RuleCompiler;
import com.platform.risk.engine.RuleMode;
import com.platform.risk.engine.RuleOutcome;
import com.platform.risk.engine.RuleRef;
import com.platform.starter.audit.AuditTrail;

/**
 * R2: what a draft rule would have done over the stored assessments of a period, before it goes live. Each
 * assessment's stored facts are evaluated with the draft; its stored live outcomes, with the draft added as a LIVE
 * rule (replacing the stored outcome of {@code replacesRuleId}, if given), are decided again by the current
 * policy and compared with the same outcomes without the draft, so that a change is the draft's doing and not a
 * policy change since. At most {@code risk.replay.max-assessments} (newest first) are replayed; the answer says
 * if the period held more. Nothing is changed; the replay itself is audited.
 */
@Service
class RuleReplay {

    private final Assessments assessments;
    private final RuleCompiler compiler;
    private final DecisionPolicy policy;
    private final AuditTrail audit;
    private final int maxAssessments;

    RuleReplay(Assessments assessments, RuleCompiler compiler, DecisionPolicy policy, AuditTrail audit,
            @Value("${risk.replay.max-assessments:10000}") int maxAssessments) {
        this.assessments = assessments;
        this.compiler = compiler;
        this.policy = policy;
        this.audit = audit;
        this.maxAssessments = maxAssessments;
    }

    record Draft(String expression, int score, Action action, UUID replacesRuleId, Instant from, Instant to) {
    }

    record Change(UUID assessmentId, UUID transactionId, Action from, Action to) {
    }

    record Result(Instant from, Instant to, int evaluated, boolean truncated, int hits, int errors, int changed,
            List<Change> changes) {
    }

    static final int MAX_LISTED_CHANGES = 100;

    @Transactional
    Result replay(Draft draft) {
        CompiledRule rule = compiler.compile(draft.expression());
        RuleRef ref = new RuleRef(draft.replacesRuleId() == null ? new UUID(0, 0) : draft.replacesRuleId(), 0,
                "replay", draft.score(), draft.action(), RuleMode.LIVE);
        List<Assessment> stored = assessments.assessedBetween(draft.from(), draft.to(), maxAssessments + 1);
        boolean truncated = stored.size() > maxAssessments;
        if (truncated) {
            stored = stored.subList(0, maxAssessments);
        }
        int hits = 0;
        int errors = 0;
        int changed = 0;
        List<Change> changes = new ArrayList<>();
        for (Assessment a : stored) {
            RuleOutcome outcome = RuleOutcome.of(ref, rule.evaluate(Facts.of(a.facts())));
            if (outcome.outcome() == Outcome.HIT) {
                hits++;
            }
            else if (outcome.outcome() == Outcome.ERROR) {
                errors++;
            }
            List<RuleOutcome> without = a.liveOutcomes().stream()
                    .filter(o -> draft.replacesRuleId() == null || !o.ruleId().equals(draft.replacesRuleId()))
                    .toList();
            List<RuleOutcome> with = new ArrayList<>(without);
            with.add(outcome);
            Action before = policy.decide(a.liveOutcomes(), a.payerKnown(), a.partnerKnown()).decision();
            Action after = policy.decide(with, a.payerKnown(), a.partnerKnown()).decision();
            if (before != after) {
                changed++;
                if (changes.size() < MAX_LISTED_CHANGES) {
                    changes.add(new Change(a.id(), a.request().transactionId(), before, after));
                }
            }
        }
        Result result = new Result(draft.from(), draft.to(), stored.size(), truncated, hits, errors, changed,
                changes);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("expression", draft.expression());
        summary.put("score", draft.score());
        summary.put("action", draft.action());
        summary.put("replacesRuleId", draft.replacesRuleId());
        summary.put("from", draft.from());
        summary.put("to", draft.to());
        summary.put("evaluated", result.evaluated());
        summary.put("hits", hits);
        summary.put("changed", changed);
        audit.record("rule.replayed", "rule", draft.replacesRuleId() == null ? "draft"
                : draft.replacesRuleId().toString(), null, summary);
        return result;
    }
}
