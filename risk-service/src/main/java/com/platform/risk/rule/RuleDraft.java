package com.platform.risk.rule;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.RuleMode;

/** What a risk officer writes: a new rule or a new version of one (its expression already compiled). */
public record RuleDraft(String name, String description, String expression, int score, Action action,
        RuleMode mode) {
}
