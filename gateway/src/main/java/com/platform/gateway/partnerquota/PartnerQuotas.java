package com.platform.gateway.partnerquota;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's view of every partner's API quota, built from the quota topic alone: the last record of a partner
 * (in the topic's order, which is the order partner-service committed its changes) is its quota. A record older than
 * the one applied ({@code aggregatesequence} not above it, e.g. a late re-delivery) changes nothing. Read by every
 * request, written by one feed thread.
 */
public class PartnerQuotas {

    private record Entry(PartnerQuota quota, Long sequence) {
    }

    private final Map<String, Entry> quotas = new ConcurrentHashMap<>();

    /** The partner's quota; empty for a partner the gateway has not heard of (the configured default applies). */
    public Optional<PartnerQuota> of(String partnerId) {
        Entry entry = quotas.get(partnerId);
        return entry == null ? Optional.empty() : Optional.of(entry.quota());
    }

    /** Partners heard of (forgotten ones included). */
    public int size() {
        return quotas.size();
    }

    /**
     * Applies a record read at {@code offset} of its partition.
     *
     * @return false when the record is older than the one the partner's quota already comes from
     */
    boolean apply(QuotaRecord record, long offset) {
        long version = offset + 1;
        return switch (record) {
            case QuotaRecord.Set set -> {
                boolean[] applied = {false};
                quotas.compute(set.partnerId(), (partner, held) -> {
                    if (held != null && (held.quota().version() >= version || isOlder(set.sequence(), held))) {
                        return held;
                    }
                    applied[0] = true;
                    return new Entry(new PartnerQuota(set.perMinute(), version),
                            set.sequence() != null ? set.sequence() : held == null ? null : held.sequence());
                });
                yield applied[0];
            }
            case QuotaRecord.Forget forget -> {
                quotas.compute(forget.partnerId(), (partner, held) -> held != null && held.quota().version()
                        >= version ? held : new Entry(new PartnerQuota(null, version), held == null ? null
                        : held.sequence()));
                yield true;
            }
            case QuotaRecord.Other other -> false;
            case QuotaRecord.Malformed malformed -> false;
        };
    }

    private static boolean isOlder(Long sequence, Entry held) {
        return sequence != null && held.sequence() != null && sequence <= held.sequence();
    }
}
