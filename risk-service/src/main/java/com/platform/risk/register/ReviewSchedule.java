package com.platform.risk.register;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * R4: how often a risk is reviewed, by its residual level: CRITICAL every 30 days, HIGH 90, MEDIUM 180, LOW 365
 * (defaults). The next review is due that long after the last review (or the registration).
 */
@ConfigurationProperties("risk.register.review-intervals")
public record ReviewSchedule(
        @DefaultValue("30d") Duration critical,
        @DefaultValue("90d") Duration high,
        @DefaultValue("180d") Duration medium,
        @DefaultValue("365d") Duration low) {

    public Instant nextDue(RiskLevel residual, Instant from) {
        return from.plus(switch (residual) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
        });
    }
}
