package com.platform.partner.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.platform.partner.partner.Grade;

/**
 * P6: the published weights and grade thresholds (readable at {@code GET /api/v1/partner-evaluation-policy}).
 * Each component is a number from 0 to 1; the score is 100 x the weighted sum (weights add up to 1):
 * <ul>
 * <li>fulfilment: fulfilled / paid transactions that were due in the period (1 without any);</li>
 * <li>onTime: fulfilled on time / fulfilled (1 without any);</li>
 * <li>disputes: 1 - 5 x (disputes opened / paid) - 5 x (disputes lost by the partner / paid), at least 0;</li>
 * <li>refunds: 1 - 5 x (refunded transactions / paid), at least 0;</li>
 * <li>inspections: 1 - (2 per MINOR + 5 per MAJOR + 15 per CRITICAL finding + 10 per overdue rectification) / 30,
 * at least 0.</li>
 * </ul>
 * Grade A from {@code gradeA}, B from {@code gradeB}, C from {@code gradeC}, else D.
 *
 * @param probationDays how long a C partner has to rectify (its probation deadline)
 */
@ConfigurationProperties("partner.evaluation")
public record EvaluationPolicy(
        @DefaultValue("0.30") BigDecimal fulfilmentWeight,
        @DefaultValue("0.25") BigDecimal onTimeWeight,
        @DefaultValue("0.20") BigDecimal disputesWeight,
        @DefaultValue("0.10") BigDecimal refundsWeight,
        @DefaultValue("0.15") BigDecimal inspectionsWeight,
        @DefaultValue("85") BigDecimal gradeA,
        @DefaultValue("70") BigDecimal gradeB,
        @DefaultValue("55") BigDecimal gradeC,
        @DefaultValue("30") int probationDays) {

    public EvaluationPolicy {
        BigDecimal sum = fulfilmentWeight.add(onTimeWeight).add(disputesWeight).add(refundsWeight)
                .add(inspectionsWeight);
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("evaluation weights must add up to 1, not " + sum);
        }
    }

    /** What one period's facts were. */
    public record Facts(long paidDue, long fulfilled, long onTime, long refunded, long disputes, long disputesLost,
            long minorFindings, long majorFindings, long criticalFindings, long overdueRectifications, long paid) {
    }

    public record Result(BigDecimal score, Grade grade, Map<String, Object> breakdown) {
    }

    public Result evaluate(Facts f) {
        double fulfilment = f.paidDue() == 0 ? 1 : (double) Math.min(f.fulfilled(), f.paidDue()) / f.paidDue();
        double onTime = f.fulfilled() == 0 ? 1 : (double) f.onTime() / f.fulfilled();
        double base = Math.max(1, f.paid());
        double disputes = Math.max(0, 1 - 5 * f.disputes() / base - 5 * f.disputesLost() / base);
        double refunds = Math.max(0, 1 - 5 * f.refunded() / base);
        double inspections = Math.max(0, 1 - (2.0 * f.minorFindings() + 5.0 * f.majorFindings()
                + 15.0 * f.criticalFindings() + 10.0 * f.overdueRectifications()) / 30);
        BigDecimal score = weighted(fulfilmentWeight, fulfilment).add(weighted(onTimeWeight, onTime))
                .add(weighted(disputesWeight, disputes)).add(weighted(refundsWeight, refunds))
                .add(weighted(inspectionsWeight, inspections)).multiply(BigDecimal.valueOf(100))
                .setScale(2, RoundingMode.HALF_UP);
        Grade grade = score.compareTo(gradeA) >= 0 ? Grade.A : score.compareTo(gradeB) >= 0 ? Grade.B
                : score.compareTo(gradeC) >= 0 ? Grade.C : Grade.D;
        Map<String, Object> breakdown = new LinkedHashMap<>();
        breakdown.put("fulfilment", component(fulfilment, fulfilmentWeight));
        breakdown.put("onTime", component(onTime, onTimeWeight));
        breakdown.put("disputes", component(disputes, disputesWeight));
        breakdown.put("refunds", component(refunds, refundsWeight));
        breakdown.put("inspections", component(inspections, inspectionsWeight));
        breakdown.put("facts", f);
        return new Result(score, grade, breakdown);
    }

    private static Map<String, Object> component(double value, BigDecimal weight) {
        return Map.of("value", BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP), "weight", weight);
    }

    private static BigDecimal weighted(BigDecimal weight, double value) {
        return weight.multiply(BigDecimal.valueOf(value));
    }
}
