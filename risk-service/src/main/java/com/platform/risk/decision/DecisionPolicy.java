package com.platform.risk.decision;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.Outcome;
import com.platform.risk.engine.RuleOutcome;

/**
 * R1 decision policy: how the outcomes of the live rules become APPROVE, REVIEW or REJECT. Only LIVE outcomes
 * count (a shadow rule never changes a decision):
 * <ol>
 * <li>the most severe action among the live rules that fired;</li>
 * <li>the scores of the live rules that fired add up; a total at or above {@code reviewScore} is at least REVIEW,
 * at or above {@code rejectScore} REJECT;</li>
 * <li>a live REVIEW or REJECT rule that could not be evaluated (ERROR) makes the decision at least
 * {@code onError} (REVIEW by default): an error is never a silent "no hit" (a live APPROVE rule's error changes
 * nothing, as its hit would only add score; its score is not added);</li>
 * <li>a payer or partner the local views do not know yet makes it at least {@code unknownPayer} /
 * {@code unknownPartner} (REVIEW by default): never approved by accident.</li>
 * </ol>
 * Every step can only raise the decision, so adding a firing rule never softens it (property-tested). Scores are
 * not negative (rules are validated 0-1000).
 */
@ConfigurationProperties("risk.decision-policy")
public record DecisionPolicy(
        @DefaultValue("50") int reviewScore,
        @DefaultValue("150") int rejectScore,
        @DefaultValue("REVIEW") Action onError,
        @DefaultValue("REVIEW") Action unknownPayer,
        @DefaultValue("REVIEW") Action unknownPartner) {

    public static final DecisionPolicy DEFAULTS = new DecisionPolicy(50, 150, Action.REVIEW, Action.REVIEW,
            Action.REVIEW);

    public DecisionPolicy {
        if (reviewScore < 1 || rejectScore < reviewScore) {
            throw new IllegalArgumentException("risk.decision-policy needs 1 <= review-score <= reject-score");
        }
    }

    /**
     * @param outcomes every rule's outcome (shadow ones are ignored here)
     * @param payerKnown whether the payer view knows the payer
     * @param partnerKnown whether the partner view knows the partner
     */
    public Decision decide(List<RuleOutcome> outcomes, boolean payerKnown, boolean partnerKnown) {
        Action decision = Action.APPROVE;
        int score = 0;
        List<RuleOutcome> fired = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (RuleOutcome outcome : outcomes) {
            if (!outcome.live()) {
                continue;
            }
            if (outcome.outcome() == Outcome.HIT) {
                fired.add(outcome);
                score += outcome.score();
                decision = decision.atLeast(outcome.action());
            }
            else if (outcome.outcome() == Outcome.ERROR && outcome.action() != Action.APPROVE) {
                decision = decision.atLeast(onError);
                reasons.add("RULE_ERROR:" + outcome.ruleId());
            }
        }
        if (score >= rejectScore) {
            decision = decision.atLeast(Action.REJECT);
            reasons.add("SCORE_AT_LEAST_" + rejectScore);
        }
        else if (score >= reviewScore) {
            decision = decision.atLeast(Action.REVIEW);
            reasons.add("SCORE_AT_LEAST_" + reviewScore);
        }
        if (!payerKnown) {
            decision = decision.atLeast(unknownPayer);
            reasons.add("UNKNOWN_PAYER");
        }
        if (!partnerKnown) {
            decision = decision.atLeast(unknownPartner);
            reasons.add("UNKNOWN_PARTNER");
        }
        return new Decision(decision, score, fired, reasons);
    }

    /**
     * @param fired the live rules that fired (these are the assessment's {@code firedRules})
     * @param reasons what raised the decision beyond the fired rules' actions (errors, thresholds, unknown parties)
     */
    public record Decision(Action decision, int score, List<RuleOutcome> fired, List<String> reasons) {

        public Decision {
            fired = List.copyOf(fired);
            reasons = List.copyOf(reasons);
        }
    }
}
