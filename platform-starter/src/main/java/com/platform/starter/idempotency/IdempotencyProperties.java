package com.platform.starter.idempotency;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a completed response is replayed for its key
 * @param abandonAfter after this, an IN_PROGRESS claim (committed by an earlier version of the filter, or by a
 *        handler of {@code ownTransactionPaths} whose instance died) is purged
 *        (the current filter holds keys by a transaction-scoped lock, which a dead instance cannot leave behind)
 * @param maxBodyBytes largest body hashed and stored; larger requests with a key are refused (413)
 * @param ownTransactionPaths POST paths (Spring {@code PathPattern}s, e.g. {@code /api/v1/orders/{id}/payments})
 *        whose handlers commit their own short transactions and call another system in between, so no request
 *        transaction may stay open around them: the key is claimed in a committed IN_PROGRESS row first, the
 *        handler runs with no transaction open, and its response is stored in a second transaction (a 5xx or an
 *        exception removes the claim, so a retry runs again). A claim left by a crash answers 409 until it is
 *        purged after {@code abandonAfter}; such a handler must therefore be safe to run again after its own
 *        partial work. Empty by default: every keyed request is one transaction.
 */
@ConfigurationProperties("platform.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("5m") Duration abandonAfter,
        @DefaultValue("1048576") int maxBodyBytes,
        @DefaultValue List<String> ownTransactionPaths) {

    public IdempotencyProperties {
        ownTransactionPaths = ownTransactionPaths == null ? List.of() : List.copyOf(ownTransactionPaths);
    }
}
