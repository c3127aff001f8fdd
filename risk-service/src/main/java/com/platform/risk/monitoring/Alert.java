package com.platform.risk.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.platform.risk.support.RiskException;

/**
 * An alert raised by an indicator crossing a threshold (R5). At most one unresolved alert per indicator: while
 * the value stays above, nothing more is raised; reaching the critical threshold escalates the same alert from
 * WARNING to CRITICAL (and re-opens it if it had been acknowledged, so someone acknowledges the graver state).
 * People acknowledge and resolve it; it resolves itself only if its indicator is configured to.
 */
public record Alert(UUID id, UUID indicatorId, Metric metric, String scope, AlertLevel level, Status status,
        BigDecimal value, BigDecimal threshold, Instant raisedAt, Instant escalatedAt, String acknowledgedBy,
        Instant acknowledgedAt, String resolvedBy, Instant resolvedAt, String resolution) {

    public enum Status {
        OPEN, ACKNOWLEDGED, RESOLVED
    }

    static Alert raise(Indicator indicator, AlertLevel level, BigDecimal value, Instant now) {
        return new Alert(UUID.randomUUID(), indicator.id(), indicator.metric(), indicator.scope(), level, Status.OPEN,
                value, indicator.threshold(level), now, null, null, null, null, null, null);
    }

    Alert escalate(Indicator indicator, BigDecimal current, Instant now) {
        return new Alert(id, indicatorId, metric, scope, AlertLevel.CRITICAL, Status.OPEN, current,
                indicator.threshold(AlertLevel.CRITICAL), raisedAt, now, acknowledgedBy, acknowledgedAt, null, null,
                null);
    }

    Alert acknowledge(String by, Instant now) {
        if (status != Status.OPEN) {
            throw new RiskException.Conflict("ALERT_NOT_OPEN", "Only an open alert can be acknowledged; this one is "
                    + status + ".");
        }
        return new Alert(id, indicatorId, metric, scope, level, Status.ACKNOWLEDGED, value, threshold, raisedAt,
                escalatedAt, by, now, null, null, null);
    }

    Alert resolve(String by, String why, Instant now) {
        if (status == Status.RESOLVED) {
            throw new RiskException.Conflict("ALERT_ALREADY_RESOLVED", "The alert has been resolved.");
        }
        return new Alert(id, indicatorId, metric, scope, level, Status.RESOLVED, value, threshold, raisedAt,
                escalatedAt, acknowledgedBy, acknowledgedAt, by, now, why);
    }
}
