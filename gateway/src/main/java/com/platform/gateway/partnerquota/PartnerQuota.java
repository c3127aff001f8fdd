package com.platform.gateway.partnerquota;

/**
 * What the gateway knows of one partner's API quota.
 *
 * @param perMinute requests per minute for all of the partner's clients together; 0: the partner may not call (no
 *        active agreement); null: forgotten (a tombstone), the configured default applies
 * @param version grows with every record applied for the partner (the record's offset + 1: the same on every
 *        instance, since all read the same partition); the rate-limit buckets take a new configuration only from a
 *        higher version
 */
public record PartnerQuota(Integer perMinute, long version) {

    /** The quota, or the default for a forgotten partner. */
    public int perMinuteOr(int fallback) {
        return perMinute == null ? fallback : perMinute;
    }
}
