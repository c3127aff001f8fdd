package com.platform.risk.engine;

import java.util.UUID;

/** One rule version's outcome in one assessment, as stored with it. */
public record RuleOutcome(UUID ruleId, int version, String name, int score, Action action, RuleMode mode,
        Outcome outcome, String error) {

    public static RuleOutcome of(RuleRef rule, CompiledRule.Evaluation evaluation) {
        return new RuleOutcome(rule.ruleId(), rule.version(), rule.name(), rule.score(), rule.action(), rule.mode(),
                evaluation.outcome(), evaluation.error());
    }

    public boolean live() {
        return mode == RuleMode.LIVE;
    }

    public boolean hit() {
        return outcome == Outcome.HIT;
    }
}
