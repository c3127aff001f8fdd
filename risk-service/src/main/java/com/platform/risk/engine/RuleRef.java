package com.platform.risk.engine;

import java.util.UUID;

/** The rule version an outcome belongs to: what a decision references to be explained later. */
public record RuleRef(UUID ruleId, int version, String name, int score, Action action, RuleMode mode) {
}
