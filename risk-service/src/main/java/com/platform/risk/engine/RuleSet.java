package com.platform.risk.engine;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rule versions in force (live and shadow), compiled: evaluates every one over the facts of a transaction.
 * Immutable and shared by every assessment until the rules change. An evaluation allocates only what it returns
 * (one array of outcomes and its list): the outcomes HIT and NO_HIT of each rule are built once, here; only an
 * ERROR outcome, which carries its reason, is built when it happens.
 */
public final class RuleSet {

    public record Entry(RuleRef rule, CompiledRule compiled) {
    }

    private final List<Entry> entries;
    private final RuleRef[] refs;
    private final CompiledRule[] programs;
    private final RuleOutcome[] hits;
    private final RuleOutcome[] noHits;

    public RuleSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        int size = this.entries.size();
        refs = new RuleRef[size];
        programs = new CompiledRule[size];
        hits = new RuleOutcome[size];
        noHits = new RuleOutcome[size];
        for (int i = 0; i < size; i++) {
            Entry entry = this.entries.get(i);
            refs[i] = entry.rule();
            programs[i] = entry.compiled();
            hits[i] = RuleOutcome.of(entry.rule(), CompiledRule.Evaluation.HIT);
            noHits[i] = RuleOutcome.of(entry.rule(), CompiledRule.Evaluation.NO_HIT);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Each rule's outcome, in the set's order (an unmodifiable list); an error in one rule never stops the others. */
    public List<RuleOutcome> evaluate(Facts facts) {
        int size = programs.length;
        RuleOutcome[] outcomes = new RuleOutcome[size];
        for (int i = 0; i < size; i++) {
            CompiledRule.Evaluation evaluation = programs[i].evaluate(facts);
            if (evaluation == CompiledRule.Evaluation.HIT) {
                outcomes[i] = hits[i];
            }
            else if (evaluation == CompiledRule.Evaluation.NO_HIT) {
                outcomes[i] = noHits[i];
            }
            else {
                outcomes[i] = RuleOutcome.of(refs[i], evaluation);
            }
        }
        return new Outcomes(outcomes);
    }

    /** An unmodifiable view of an array nobody else holds: one small object instead of a copy. */
    private static final class Outcomes extends AbstractList<RuleOutcome> implements RandomAccess {

        private final RuleOutcome[] outcomes;

        Outcomes(RuleOutcome[] outcomes) {
            this.outcomes = outcomes;
        }

        @Override
        public RuleOutcome get(int index) {
            return outcomes[index];
        }

        @Override
        public int size() {
            return outcomes.length;
        }
    }
}
