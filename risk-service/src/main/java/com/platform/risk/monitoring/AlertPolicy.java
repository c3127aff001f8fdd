package com.platform.risk.monitoring;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * R5: when alerts are raised, cleared and delivered.
 *
 * @param hysteresis an indicator "falls back" only below {@code warningThreshold * (1 - hysteresis)} (10 %), so a
 *        value hovering at the threshold neither resolves nor re-raises an alert on every computation
 * @param coolDown after an alert of an indicator is resolved, a new WARNING for it waits this long (15 min);
 *        CRITICAL is raised at once
 * @param mailbox the risk mailbox every raised, escalated and resolved alert is mailed to (SMTP)
 * @param mailFrom the sender of those mails
 */
@ConfigurationProperties("risk.alerts")
public record AlertPolicy(
        @DefaultValue("0.10") BigDecimal hysteresis,
        @DefaultValue("15m") Duration coolDown,
        @DefaultValue("risk-officers@platform.local") String mailbox,
        @DefaultValue("no-reply@platform.local") String mailFrom) {

    boolean fellBack(Indicator indicator, BigDecimal value) {
        return value.compareTo(indicator.warningThreshold().multiply(BigDecimal.ONE.subtract(hysteresis))) < 0;
    }
}
