package com.platform.starter.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a completed response is replayed for its key
 * @param abandonAfter after this, an IN_PROGRESS claim committed by an earlier version of the filter is purged
 *        (the current filter holds keys by a transaction-scoped lock, which a dead instance cannot leave behind)
 * @param maxBodyBytes largest body hashed and stored; larger requests with a key are refused (413)
 */
@ConfigurationProperties("platform.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("5m") Duration abandonAfter,
        @DefaultValue("1048576") int maxBodyBytes) {
}
