package com.platform.starter.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param source CloudEvents {@code source} of this service's events, e.g. {@code /user-service}
 * @param relayEnabled whether this instance relays (all instances may: one relays at a time per database)
 * @param pollInterval pause between relay cycles when there is nothing to send
 * @param batchSize events read and sent per cycle
 * @param maxBackoff longest pause after failed cycles (doubles from the poll interval)
 * @param sendTimeout how long a send may take before it counts as failed (Kafka delivery timeout)
 * @param retention how long published events are kept before the purge deletes them
 * @param purgeInterval how often the purge runs
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(
        String source,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {
}
