package com.platform.starter.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retries attempts after the first before a record is dead-lettered
 * @param initialBackoff pause before the first retry; doubles each time up to {@code maxBackoff}
 * @param processedRetention how long processed event ids are kept (longer than any redelivery can come late)
 */
@ConfigurationProperties("platform.consumer")
public record ConsumerProperties(
        @DefaultValue("4") int retries,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("30d") Duration processedRetention) {
}
