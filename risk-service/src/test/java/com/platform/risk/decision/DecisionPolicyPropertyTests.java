package com.platform.risk.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.Outcome;
import com.platform.risk.engine.RuleMode;
import com.platform.risk.engine.RuleOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants of the decision policy over any mix of outcomes, for any valid policy. */
class DecisionPolicyPropertyTests {

    @Property
    void addingAFiringRejectRuleNeverSoftensTheDecision(@ForAll("outcomes") List<RuleOutcome> outcomes,
            @ForAll("policies") DecisionPolicy policy, @ForAll boolean payerKnown, @ForAll boolean partnerKnown,
            @ForAll("scores") int score) {
        Action before = policy.decide(outcomes, payerKnown, partnerKnown).decision();
        List<RuleOutcome> more = new ArrayList<>(outcomes);
        more.add(outcome(Action.REJECT, RuleMode.LIVE, Outcome.HIT, score));
        assertThat(policy.decide(more, payerKnown, partnerKnown).decision()).isEqualTo(Action.REJECT)
                .isGreaterThanOrEqualTo(before);
    }

    @Property
    void addingAnyFiringLiveRuleNeverSoftensTheDecision(@ForAll("outcomes") List<RuleOutcome> outcomes,
            @ForAll("policies") DecisionPolicy policy, @ForAll boolean payerKnown, @ForAll boolean partnerKnown,
            @ForAll Action action, @ForAll("scores") int score) {
        DecisionPolicy.Decision before = policy.decide(outcomes, payerKnown, partnerKnown);
        List<RuleOutcome> more = new ArrayList<>(outcomes);
        more.add(outcome(action, RuleMode.LIVE, Outcome.HIT, score));
        DecisionPolicy.Decision after = policy.decide(more, payerKnown, partnerKnown);
        assertThat(after.decision()).isGreaterThanOrEqualTo(before.decision()).isGreaterThanOrEqualTo(action);
        assertThat(after.score()).isEqualTo(before.score() + score);
    }

    @Property
    void aShadowRuleNeverChangesADecision(@ForAll("outcomes") List<RuleOutcome> outcomes,
            @ForAll("policies") DecisionPolicy policy, @ForAll boolean payerKnown, @ForAll boolean partnerKnown,
            @ForAll Action action, @ForAll Outcome outcome, @ForAll("scores") int score) {
        DecisionPolicy.Decision before = policy.decide(outcomes, payerKnown, partnerKnown);
        List<RuleOutcome> more = new ArrayList<>(outcomes);
        more.add(outcome(action, RuleMode.SHADOW, outcome, score));
        assertThat(policy.decide(more, payerKnown, partnerKnown)).isEqualTo(before);
    }

    @Property
    void anUnknownPayerOrPartnerIsNeverApproved(@ForAll("outcomes") List<RuleOutcome> outcomes,
            @ForAll boolean payerKnown) {
        assertThat(DecisionPolicy.DEFAULTS.decide(outcomes, payerKnown, false).decision())
                .isNotEqualTo(Action.APPROVE);
        assertThat(DecisionPolicy.DEFAULTS.decide(outcomes, false, !payerKnown).decision())
                .isNotEqualTo(Action.APPROVE);
    }

    @Property
    void aLiveReviewOrRejectRuleInErrorIsNeverApproved(@ForAll("outcomes") List<RuleOutcome> outcomes,
            @ForAll("severe") Action action) {
        List<RuleOutcome> more = new ArrayList<>(outcomes);
        more.add(outcome(action, RuleMode.LIVE, Outcome.ERROR, 10));
        assertThat(DecisionPolicy.DEFAULTS.decide(more, true, true).decision()).isNotEqualTo(Action.APPROVE);
    }

    @Provide
    Arbitrary<List<RuleOutcome>> outcomes() {
        Arbitrary<RuleOutcome> one = Combinators.combine(Arbitraries.of(Action.class),
                Arbitraries.of(RuleMode.LIVE, RuleMode.SHADOW), Arbitraries.of(Outcome.class), scores())
                .as(DecisionPolicyPropertyTests::outcome);
        return one.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<DecisionPolicy> policies() {
        return Combinators.combine(Arbitraries.integers().between(1, 500), Arbitraries.integers().between(0, 500),
                Arbitraries.of(Action.REVIEW, Action.REJECT), Arbitraries.of(Action.REVIEW, Action.REJECT),
                Arbitraries.of(Action.REVIEW, Action.REJECT))
                .as((review, extra, onError, payer, partner) -> new DecisionPolicy(review, review + extra, onError,
                        payer, partner));
    }

    @Provide
    Arbitrary<Integer> scores() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<Action> severe() {
        return Arbitraries.of(Action.REVIEW, Action.REJECT);
    }

    static RuleOutcome outcome(Action action, RuleMode mode, Outcome outcome, int score) {
        return new RuleOutcome(UUID.randomUUID(), 1, "rule", score, action, mode, outcome,
                outcome == Outcome.ERROR ? "division by zero" : null);
    }
}
