package com.platform.risk.engine;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetTests {

    private final RuleCompiler compiler = new RuleCompiler();

    private RuleSet.Entry entry(String name, String expression, Action action, RuleMode mode) {
        return new RuleSet.Entry(new RuleRef(UUID.randomUUID(), 3, name, 40, action, mode),
                compiler.compile(expression));
    }

    @Test
    void everyRuleHasItsOutcomeInTheSetsOrderAndAnErrorStopsNoOther() {
        RuleSet set = new RuleSet(List.of(
                entry("hit", "tx.amount > 100.0", Action.REVIEW, RuleMode.LIVE),
                entry("error", "velocity.count1h / (payer.level - 2) > 1", Action.REJECT, RuleMode.LIVE),
                entry("no hit", "tx.amount > 1000.0", Action.REJECT, RuleMode.LIVE),
                entry("shadow hit", "payer.level == 2", Action.REJECT, RuleMode.SHADOW)));
        List<RuleOutcome> outcomes = set.evaluate(TestFacts.ordinary().build());

        assertThat(outcomes).extracting(RuleOutcome::name).containsExactly("hit", "error", "no hit", "shadow hit");
        assertThat(outcomes).extracting(RuleOutcome::outcome)
                .containsExactly(Outcome.HIT, Outcome.ERROR, Outcome.NO_HIT, Outcome.HIT);
        assertThat(outcomes.get(1).error()).isNotBlank();
        assertThat(outcomes.get(3).live()).isFalse();
        RuleOutcome hit = outcomes.get(0);
        RuleRef ref = set.entries().get(0).rule();
        assertThat(hit).isEqualTo(new RuleOutcome(ref.ruleId(), 3, "hit", 40, Action.REVIEW, RuleMode.LIVE,
                Outcome.HIT, null));
    }

    @Test
    void anotherTransactionGetsItsOwnOutcomesAndTheListCannotBeChanged() {
        RuleSet set = new RuleSet(List.of(entry("large", "tx.amount > 100.0", Action.REVIEW, RuleMode.LIVE)));
        List<RuleOutcome> large = set.evaluate(TestFacts.ordinary().build());
        List<RuleOutcome> small = set.evaluate(TestFacts.ordinary().set(RuleVariable.TX_AMOUNT, 5.0).build());
        assertThat(large.get(0).outcome()).isEqualTo(Outcome.HIT);
        assertThat(small.get(0).outcome()).isEqualTo(Outcome.NO_HIT);
        assertThat(large.get(0).outcome()).as("the first result is not overwritten").isEqualTo(Outcome.HIT);
        assertThatThrownBy(() -> large.set(0, small.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> large.add(small.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptySetHasNoOutcomes() {
        assertThat(new RuleSet(List.of()).evaluate(TestFacts.ordinary().build())).isEmpty();
    }
}
