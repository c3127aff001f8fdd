package com.platform.risk.decision;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

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
        List<RuleOutcome> all = outcomes instanceof RandomAccess ? outcomes : new ArrayList<>(outcomes);
        int size = all.size();
        // first pass: the decision and score, and how many rules fired or failed (no allocation)
        Action decision = Action.APPROVE;
        int score = 0;
        int firedCount = 0;
        int errorCount = 0;
        for (int i = 0; i < size; i++) {
            RuleOutcome outcome = all.get(i);
            if (!outcome.live()) {
                continue;
            }
            if (outcome.outcome() == Outcome.HIT) {
                firedCount++;
                score += outcome.score();
                decision = decision.atLeast(outcome.action());
            }
            else if (outcome.outcome() == Outcome.ERROR && outcome.action() != Action.APPROVE) {
                errorCount++;
                decision = decision.atLeast(onError);
            }
        }
        String scoreReason = null;
        if (score >= rejectScore) {
            decision = decision.atLeast(Action.REJECT);
            scoreReason = scoreReason(rejectScore);
        }
        else if (score >= reviewScore) {
            decision = decision.atLeast(Action.REVIEW);
            scoreReason = scoreReason(reviewScore);
        }
        if (!payerKnown) {
            decision = decision.atLeast(unknownPayer);
        }
        if (!partnerKnown) {
            decision = decision.atLeast(unknownPartner);
        }
        // second pass, only for what is there: the fired rules and the reasons, in the order of the outcomes
        Object[] fired = firedCount == 0 ? NONE : new Object[firedCount];
        int reasonCount = errorCount + (scoreReason == null ? 0 : 1) + (payerKnown ? 0 : 1) + (partnerKnown ? 0 : 1);
        Object[] reasons = reasonCount == 0 ? NONE : new Object[reasonCount];
        if (firedCount > 0 || errorCount > 0) {
            int f = 0;
            int r = 0;
            for (int i = 0; i < size; i++) {
                RuleOutcome outcome = all.get(i);
                if (!outcome.live()) {
                    continue;
                }
                if (outcome.outcome() == Outcome.HIT) {
                    fired[f++] = outcome;
                }
                else if (outcome.outcome() == Outcome.ERROR && outcome.action() != Action.APPROVE) {
                    reasons[r++] = "RULE_ERROR:" + outcome.ruleId();
                }
            }
        }
        int r = errorCount;
        if (scoreReason != null) {
            reasons[r++] = scoreReason;
        }
        if (!payerKnown) {
            reasons[r++] = UNKNOWN_PAYER;
        }
        if (!partnerKnown) {
            reasons[r] = UNKNOWN_PARTNER;
        }
        return new Decision(decision, score, Fixed.of(fired), Fixed.of(reasons));
    }

    private static final Object[] NONE = new Object[0];
    private static final String UNKNOWN_PAYER = "UNKNOWN_PAYER";
    private static final String UNKNOWN_PARTNER = "UNKNOWN_PARTNER";

    /** {@code SCORE_AT_LEAST_<n>}, built once per threshold (the thresholds do not change). */
    private static final String[] SCORE_REASONS = new String[1024];

    private static String scoreReason(int threshold) {
        if (threshold < 0 || threshold >= SCORE_REASONS.length) {
            return "SCORE_AT_LEAST_" + threshold;
        }
        String reason = SCORE_REASONS[threshold];
        if (reason == null) {
            // a race builds the same immutable string twice, nothing worse
            reason = "SCORE_AT_LEAST_" + threshold;
            SCORE_REASONS[threshold] = reason;
        }
        return reason;
    }

    /**
     * @param fired the live rules that fired (these are the assessment's {@code firedRules})
     * @param reasons what raised the decision beyond the fired rules' actions (errors, thresholds, unknown parties)
     */
    public record Decision(Action decision, int score, List<RuleOutcome> fired, List<String> reasons) {

        public Decision {
            fired = fired instanceof Fixed ? fired : List.copyOf(fired);
            reasons = reasons instanceof Fixed ? reasons : List.copyOf(reasons);
        }
    }

    /**
     * An unmodifiable list over an array that only {@link #decide} ever held: the decision's lists without a copy.
     * Private, so no caller can keep a reference to the array.
     */
    private static final class Fixed<T> extends AbstractList<T> implements RandomAccess {

        private static final Fixed<Object> EMPTY = new Fixed<>(NONE);

        private final Object[] items;

        private Fixed(Object[] items) {
            this.items = items;
        }

        @SuppressWarnings("unchecked")
        static <T> List<T> of(Object[] items) {
            return items.length == 0 ? (List<T>) EMPTY : new Fixed<>(items);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            return (T) items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
    }
}
