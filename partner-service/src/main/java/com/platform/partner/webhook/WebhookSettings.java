package com.platform.partner.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * P7 webhooks.
 *
 * @param allowPrivateTargets accept targets resolving to private, link-local or unique-local addresses
 * @param allowLoopbackTargets accept targets resolving to loopback addresses (the local stack needs it)
 * @param retrySchedule the delay before each attempt: the first at once, then after each failure (Standard
 *        Webhooks' schedule); a message that failed them all gives up and disables the endpoint
 * @param lease how long an instance holds a claimed delivery while sending it (another takes it over after)
 * @param timeout how long one attempt may take
 */
@ConfigurationProperties("partner.webhooks")
public record WebhookSettings(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("false") boolean allowLoopbackTargets,
        @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("10s") Duration timeout) {
}
