package com.platform.risk.engine;

import java.util.ArrayList;
import java.util.List;

/** The rule versions in force (live and shadow), compiled: evaluates every one over the facts of a transaction. */
public final class RuleSet {

    public record Entry(RuleRef rule, CompiledRule compiled) {
    }

    private final List<Entry> entries;

    public RuleSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Each rule's outcome, in the set's order; an error in one rule never stops the others. */
    public List<RuleOutcome> evaluate(Facts facts) {
        List<RuleOutcome> outcomes = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            outcomes.add(RuleOutcome.of(entry.rule(), entry.compiled().evaluate(facts)));
        }
        return outcomes;
    }
}
