package com.platform.risk.monitoring;

/**
 * R5 KRI metrics (api.md vocabulary). Rates are 0-1 over the window (e.g. 0.25 = a quarter); counts are numbers
 * of events in the window. Higher is worse for every metric: a value at or above a threshold crosses it.
 */
public enum Metric {
    /** Rejected / all assessments (risk-service's own). */
    REJECTION_RATE(true),
    /** Reviewed / all assessments. */
    REVIEW_RATE(true),
    /** {@code transaction.created} events. */
    TRANSACTION_VOLUME(false),
    /** {@code payment.failed} / ({@code payment.failed} + {@code transaction.paid}). */
    PAYMENT_FAILURE_RATE(true),
    /** {@code dispute.opened} / {@code transaction.created}. */
    DISPUTE_RATE(true),
    /** {@code user.violation-recorded} events (platform scope only: violations name no partner). */
    VIOLATIONS(false);

    private final boolean rate;

    Metric(boolean rate) {
        this.rate = rate;
    }

    public boolean rate() {
        return rate;
    }
}
