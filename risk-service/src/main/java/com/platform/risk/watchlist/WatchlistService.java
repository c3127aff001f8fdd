package com.platform.risk.watchlist;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.platform.risk.support.RiskException;
import com.platform.starter.audit.AuditTrail;
import com.platform.starter.security.CurrentCaller;

/** R1: risk officers put values on the watchlist and take them off; both audited (entry row first, audit last). */
@Service
class WatchlistService {

    private final Watchlist watchlist;
    private final AuditTrail audit;
    private final Clock clock;

    WatchlistService(Watchlist watchlist, AuditTrail audit, Clock clock) {
        this.watchlist = watchlist;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    WatchlistEntry add(WatchKind kind, String rawValue, String reason, Instant expiresAt) {
        String value = kind.normalise(rawValue, "value");
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new RiskException.InvalidField("expiresAt", "must be in the future");
        }
        Optional<WatchlistEntry> open = watchlist.openForUpdate(kind, value);
        if (open.isPresent()) {
            if (open.get().inForce(now)) {
                throw new RiskException.Conflict("WATCHLIST_ENTRY_EXISTS",
                        "The value is already on the watchlist; remove it first to change reason or expiry.");
            }
            // an expired entry is closed by the system, so the history keeps both
            watchlist.markRemoved(open.get().id(), "system:expiry", open.get().expiresAt());
        }
        WatchlistEntry entry = new WatchlistEntry(UUID.randomUUID(), kind, value, reason, expiresAt,
                CurrentCaller.get().actor(), now, null, null);
        watchlist.insert(entry);
        audit.record("watchlist.added", "watchlist-entry", entry.id().toString(), null, snapshot(entry));
        return entry;
    }

    @Transactional
    WatchlistEntry remove(WatchKind kind, String rawValue) {
        String value = kind.normalise(rawValue, "value");
        WatchlistEntry entry = watchlist.openForUpdate(kind, value).orElseThrow(WatchlistService::notFound);
        return remove(entry);
    }

    @Transactional
    WatchlistEntry remove(UUID id) {
        WatchlistEntry entry = watchlist.findForUpdate(id).filter(e -> e.removedAt() == null)
                .orElseThrow(WatchlistService::notFound);
        return remove(entry);
    }

    private WatchlistEntry remove(WatchlistEntry entry) {
        Instant now = clock.instant();
        String actor = CurrentCaller.get().actor();
        watchlist.markRemoved(entry.id(), actor, now);
        WatchlistEntry removed = new WatchlistEntry(entry.id(), entry.kind(), entry.value(), entry.reason(),
                entry.expiresAt(), entry.createdBy(), entry.createdAt(), actor, now);
        audit.record("watchlist.removed", "watchlist-entry", entry.id().toString(), snapshot(entry),
                snapshot(removed));
        return removed;
    }

    private static RiskException notFound() {
        return new RiskException.NotFound("WATCHLIST_ENTRY_NOT_FOUND", "No such entry on the watchlist.");
    }

    /** The audit snapshot: kind, value (ids and references, no personal data in clear), reason, expiry. */
    private static Map<String, Object> snapshot(WatchlistEntry e) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", e.kind());
        state.put("value", e.value());
        state.put("reason", e.reason());
        state.put("expiresAt", e.expiresAt());
        state.put("removed", e.removedAt() != null);
        return state;
    }
}
