package com.platform.risk.decision;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.Outcome;
import com.platform.risk.engine.RuleMode;

import static com.platform.risk.decision.DecisionPolicyPropertyTests.outcome;
import static org.assertj.core.api.Assertions.assertThat;

class DecisionPolicyTests {

    private final DecisionPolicy policy = new DecisionPolicy(50, 150, Action.REVIEW, Action.REVIEW, Action.REVIEW);

    @Test
    void noFiringRuleApproves() {
        assertThat(policy.decide(List.of(outcome(Action.REJECT, RuleMode.LIVE, Outcome.NO_HIT, 100)), true, true)
                .decision()).isEqualTo(Action.APPROVE);
    }

    @Test
    void theMostSevereFiringActionWins() {
        var decision = policy.decide(List.of(outcome(Action.REVIEW, RuleMode.LIVE, Outcome.HIT, 10),
                outcome(Action.REJECT, RuleMode.LIVE, Outcome.HIT, 10),
                outcome(Action.APPROVE, RuleMode.LIVE, Outcome.HIT, 5)), true, true);
        assertThat(decision.decision()).isEqualTo(Action.REJECT);
        assertThat(decision.score()).isEqualTo(25);
        assertThat(decision.fired()).hasSize(3);
    }

    @Test
    void scoresAddUpToTheThresholds() {
        var approveRules = List.of(outcome(Action.APPROVE, RuleMode.LIVE, Outcome.HIT, 30),
                outcome(Action.APPROVE, RuleMode.LIVE, Outcome.HIT, 25));
        assertThat(policy.decide(approveRules, true, true).decision()).isEqualTo(Action.REVIEW);
        var reviewRules = List.of(outcome(Action.REVIEW, RuleMode.LIVE, Outcome.HIT, 80),
                outcome(Action.REVIEW, RuleMode.LIVE, Outcome.HIT, 70));
        var decision = policy.decide(reviewRules, true, true);
        assertThat(decision.decision()).isEqualTo(Action.REJECT);
        assertThat(decision.reasons()).contains("SCORE_AT_LEAST_150");
    }

    @Test
    void aLiveRejectRuleInErrorMeansReviewAndAnApproveRuleInErrorChangesNothing() {
        assertThat(policy.decide(List.of(outcome(Action.REJECT, RuleMode.LIVE, Outcome.ERROR, 100)), true, true)
                .decision()).isEqualTo(Action.REVIEW);
        assertThat(policy.decide(List.of(outcome(Action.APPROVE, RuleMode.LIVE, Outcome.ERROR, 40)), true, true)
                .decision()).isEqualTo(Action.APPROVE);
    }

    @Test
    void unknownPartiesAreReviewed() {
        var decision = policy.decide(List.of(), false, true);
        assertThat(decision.decision()).isEqualTo(Action.REVIEW);
        assertThat(decision.reasons()).containsExactly("UNKNOWN_PAYER");
        assertThat(policy.decide(List.of(), true, false).reasons()).containsExactly("UNKNOWN_PARTNER");
    }
}
