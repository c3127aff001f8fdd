package com.platform.risk.watchlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The watchlist entries (R1); rows are mapped here only. */
@Repository
public class Watchlist {

    private final JdbcTemplate jdbc;

    Watchlist(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which kinds of entry in force at {@code at} match the transaction's payer, document, device and IP. */
    public Set<WatchKind> hits(UUID payerId, String documentRef, String deviceId, String ip, Instant at) {
        Set<WatchKind> hits = EnumSet.noneOf(WatchKind.class);
        jdbc.query("""
                select distinct kind from watchlist_entry
                where removed_at is null and (expires_at is null or expires_at > ?)
                  and ((kind = 'USER' and value = ?) or (kind = 'DOCUMENT' and value = ?)
                       or (kind = 'DEVICE' and value = ?) or (kind = 'IP' and value = ?))
                """, rs -> {
            hits.add(WatchKind.valueOf(rs.getString(1)));
        }, Timestamp.from(at), payerId.toString(), documentRef, deviceId, ip);
        return hits;
    }

    /** The open (not removed) entry for the value, locked; it may have expired. */
    Optional<WatchlistEntry> openForUpdate(WatchKind kind, String value) {
        return jdbc.query("select * from watchlist_entry where kind = ? and value = ? and removed_at is null "
                + "for update", Watchlist::entry, kind.name(), value).stream().findFirst();
    }

    Optional<WatchlistEntry> findForUpdate(UUID id) {
        return jdbc.query("select * from watchlist_entry where id = ? for update", Watchlist::entry, id).stream()
                .findFirst();
    }

    void insert(WatchlistEntry e) {
        jdbc.update("""
                insert into watchlist_entry (id, kind, value, reason, expires_at, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, e.id(), e.kind().name(), e.value(), e.reason(), ts(e.expiresAt()), e.createdBy(),
                ts(e.createdAt()));
    }

    void markRemoved(UUID id, String by, Instant at) {
        jdbc.update("update watchlist_entry set removed_by = ?, removed_at = ? where id = ?", by, ts(at), id);
    }

    List<WatchlistEntry> page(WatchKind kind, boolean inForceOnly, Instant at, int limit, long offset) {
        return jdbc.query("""
                select * from watchlist_entry
                where (?::text is null or kind = ?::text)
                  and (not ? or (removed_at is null and (expires_at is null or expires_at > ?)))
                order by created_at desc, id limit ? offset ?
                """, Watchlist::entry, kind == null ? null : kind.name(), kind == null ? null : kind.name(),
                inForceOnly, ts(at), limit, offset);
    }

    long count(WatchKind kind, boolean inForceOnly, Instant at) {
        Long count = jdbc.queryForObject("""
                select count(*) from watchlist_entry
                where (?::text is null or kind = ?::text)
                  and (not ? or (removed_at is null and (expires_at is null or expires_at > ?)))
                """, Long.class, kind == null ? null : kind.name(), kind == null ? null : kind.name(), inForceOnly,
                ts(at));
        return count == null ? 0 : count;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static WatchlistEntry entry(ResultSet rs, int row) throws SQLException {
        return new WatchlistEntry(rs.getObject("id", UUID.class), WatchKind.valueOf(rs.getString("kind")),
                rs.getString("value"), rs.getString("reason"), instant(rs, "expires_at"), rs.getString("created_by"),
                instant(rs, "created_at"), rs.getString("removed_by"), instant(rs, "removed_at"));
    }
}
