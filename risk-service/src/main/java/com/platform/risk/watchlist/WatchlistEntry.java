package com.platform.risk.watchlist;

import java.time.Instant;
import java.util.UUID;

/** An entry on a watchlist: in force from its creation until removed or expired. */
public record WatchlistEntry(UUID id, WatchKind kind, String value, String reason, Instant expiresAt,
        String createdBy, Instant createdAt, String removedBy, Instant removedAt) {

    public boolean inForce(Instant at) {
        return removedAt == null && (expiresAt == null || expiresAt.isAfter(at));
    }
}
