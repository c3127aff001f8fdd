package com.platform.starter.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of {@code idempotency_key}, one per (caller, key). Claiming inserts an IN_PROGRESS row; the primary key makes
 * exactly one of several concurrent claims win. Each statement commits on its own, outside the business
 * transaction, so that a concurrent duplicate sees the claim at once.
 */
class IdempotencyKeyStore {

    enum State { IN_PROGRESS, COMPLETED }

    record StoredKey(String requestHash, State state, Integer status, String contentType, String location,
            byte[] body, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean claim(String caller, String key, String requestHash) {
        return jdbc.update("""
                insert into idempotency_key (caller, idempotency_key, request_hash, state)
                values (?, ?, ?, 'IN_PROGRESS')
                on conflict do nothing
                """, caller, key, requestHash) == 1;
    }

    Optional<StoredKey> find(String caller, String key) {
        List<StoredKey> rows = jdbc.query("""
                select request_hash, state, response_status, response_content_type, response_location,
                       response_body, created_at
                from idempotency_key where caller = ? and idempotency_key = ?
                """, (rs, i) -> new StoredKey(rs.getString(1), State.valueOf(rs.getString(2)),
                (Integer) rs.getObject(3), rs.getString(4), rs.getString(5), rs.getBytes(6),
                rs.getTimestamp(7).toInstant()), caller, key);
        return rows.stream().findFirst();
    }

    void complete(String caller, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("""
                update idempotency_key
                set state = 'COMPLETED', response_status = ?, response_content_type = ?, response_location = ?,
                    response_body = ?, completed_at = now()
                where caller = ? and idempotency_key = ?
                """, status, contentType, location, body, caller, key);
    }

    void release(String caller, String key) {
        jdbc.update("delete from idempotency_key where caller = ? and idempotency_key = ? and state = 'IN_PROGRESS'",
                caller, key);
    }

    /** Releases an abandoned claim so that a retry can run; only the row that is still that old is removed. */
    boolean releaseIfAbandoned(String caller, String key, Instant claimedBefore) {
        return jdbc.update("""
                delete from idempotency_key
                where caller = ? and idempotency_key = ? and state = 'IN_PROGRESS' and created_at < ?
                """, caller, key, Timestamp.from(claimedBefore)) == 1;
    }

    int purge(Instant completedBefore, Instant claimedBefore) {
        return jdbc.update("""
                delete from idempotency_key
                where (state = 'COMPLETED' and created_at < ?) or (state = 'IN_PROGRESS' and created_at < ?)
                """, Timestamp.from(completedBefore), Timestamp.from(claimedBefore));
    }
}
