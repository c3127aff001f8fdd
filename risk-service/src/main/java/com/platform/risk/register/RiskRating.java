package com.platform.risk.register;

import java.util.ArrayList;
import java.util.List;

import com.platform.risk.support.RiskException;

/**
 * A risk's assessment and answer (R4), checked as a whole. Strategy rules, on the inherent (before controls)
 * likelihood and impact: AVOID is required where both are high (4 or 5); ACCEPT is allowed only for a LOW risk and
 * only with a contingency plan. Residual likelihood and impact (after controls) default to the inherent ones and
 * cannot exceed them.
 */
public record RiskRating(int likelihood, int impact, Strategy strategy, String contingencyPlan,
        int residualLikelihood, int residualImpact) {

    static final int HIGH = 4;

    public static RiskRating of(int likelihood, int impact, Strategy strategy, String contingencyPlan,
            Integer residualLikelihood, Integer residualImpact) {
        int rl = residualLikelihood == null ? likelihood : residualLikelihood;
        int ri = residualImpact == null ? impact : residualImpact;
        List<RiskException.Field> residual = new ArrayList<>();
        if (rl > likelihood) {
            residual.add(new RiskException.Field("residualLikelihood", "cannot exceed likelihood " + likelihood));
        }
        if (ri > impact) {
            residual.add(new RiskException.Field("residualImpact", "cannot exceed impact " + impact));
        }
        if (!residual.isEmpty()) {
            throw new RiskException.Unprocessable("RESIDUAL_ABOVE_INHERENT",
                    "Residual risk after controls cannot be above the inherent risk.", residual);
        }
        RiskLevel level = RiskLevel.of(likelihood, impact);
        if (likelihood >= HIGH && impact >= HIGH && strategy != Strategy.AVOID) {
            throw notAllowed("strategy", "AVOID is required where likelihood and impact are both high (4-5); "
                    + "here " + likelihood + " and " + impact);
        }
        if (strategy == Strategy.ACCEPT) {
            if (level != RiskLevel.LOW) {
                throw notAllowed("strategy", "ACCEPT is allowed only for LOW risks; this one is " + level);
            }
            if (contingencyPlan == null || contingencyPlan.isBlank()) {
                throw notAllowed("contingencyPlan", "ACCEPT needs a contingency plan");
            }
        }
        return new RiskRating(likelihood, impact, strategy, contingencyPlan, rl, ri);
    }

    private static RiskException notAllowed(String field, String why) {
        return new RiskException.Unprocessable("STRATEGY_NOT_ALLOWED", "The strategy is not allowed: " + why + ".",
                List.of(new RiskException.Field(field, why)));
    }

    public RiskLevel level() {
        return RiskLevel.of(likelihood, impact);
    }

    public RiskLevel residualLevel() {
        return RiskLevel.of(residualLikelihood, residualImpact);
    }
}
