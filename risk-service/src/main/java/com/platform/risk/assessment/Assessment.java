package com.platform.risk.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.RuleOutcome;

/**
 * A stored risk decision (R1) with what explains and replays it: the request, the input facts, each live and
 * shadow rule version's outcome, what raised the decision beyond the fired rules, and the policy used.
 */
public record Assessment(UUID id, AssessmentRequest request, Action decision, int score, boolean payerKnown,
        boolean partnerKnown, Map<String, Object> facts, List<RuleOutcome> liveOutcomes,
        List<RuleOutcome> shadowOutcomes, List<String> reasons, Map<String, Object> policy, UUID caseId,
        Instant assessedAt) {

    /** The live rules that fired, as the response's {@code firedRules}. */
    public List<RuleOutcome> fired() {
        return liveOutcomes.stream().filter(RuleOutcome::hit).toList();
    }
}
