package com.platform.risk.register;

/**
 * R4 level matrix: likelihood (1-5) times impact (1-5). 1-4 LOW, 5-9 MEDIUM, 10-16 HIGH, 20-25 CRITICAL.
 * <pre>
 * impact ->    1   2   3   4   5
 * likelihood 5 M   H   H   C   C
 *            4 L   M   H   H   C
 *            3 L   M   M   H   H
 *            2 L   L   M   M   H
 *            1 L   L   L   L   M
 * </pre>
 */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static RiskLevel of(int likelihood, int impact) {
        if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5) {
            throw new IllegalArgumentException("likelihood and impact are 1-5");
        }
        int score = likelihood * impact;
        if (score >= 20) {
            return CRITICAL;
        }
        if (score >= 10) {
            return HIGH;
        }
        if (score >= 5) {
            return MEDIUM;
        }
        return LOW;
    }
}
