package com.platform.risk.monitoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A key risk indicator (R5): a metric over a sliding window ending now, for the platform or one partner
 * ({@code scope} {@code PLATFORM} or {@code PARTNER:<partnerId>}), with a warning and a critical threshold.
 */
public record Indicator(UUID id, String name, Metric metric, String scope, Duration window,
        BigDecimal warningThreshold, BigDecimal criticalThreshold, boolean autoResolve, String createdBy,
        Instant createdAt, Instant lastComputedAt) {

    /** The partner of a {@code PARTNER:<id>} scope, or null for the platform. */
    public UUID partnerId() {
        return scope.startsWith("PARTNER:") ? UUID.fromString(scope.substring("PARTNER:".length())) : null;
    }

    /** The level a value reaches, or null below the warning threshold. */
    AlertLevel levelOf(BigDecimal value) {
        if (value.compareTo(criticalThreshold) >= 0) {
            return AlertLevel.CRITICAL;
        }
        if (value.compareTo(warningThreshold) >= 0) {
            return AlertLevel.WARNING;
        }
        return null;
    }

    BigDecimal threshold(AlertLevel level) {
        return level == AlertLevel.CRITICAL ? criticalThreshold : warningThreshold;
    }
}
