package com.platform.starter.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of {@code idempotency_key}, one per (caller, key), written as COMPLETED inside the request's transaction
 * (see {@link IdempotencyFilter}); for the paths of {@link IdempotencyProperties#ownTransactionPaths()} claimed
 * IN_PROGRESS first, then completed or released after the handler ran. The key is held while the request runs by a transaction-scoped
 * advisory lock, which PostgreSQL releases when that transaction ends in any way (commit, rollback, a dropped
 * connection of a dead instance), so no claim can be left behind.
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

    /**
     * Takes the key for the current transaction, without waiting: {@code false} while another transaction holds
     * it. A 64-bit hash of caller and key names the lock; a collision only makes an unrelated request answer 409.
     */
    boolean lockForTransaction(String caller, String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtextextended(?, 0))",
                Boolean.class, caller + '\n' + key));
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

    /** Stores the response in the current transaction; {@code false} if a row for the key appeared meanwhile. */
    boolean storeCompleted(String caller, String key, String requestHash, int status, String contentType,
            String location, byte[] body) {
        return jdbc.update("""
                insert into idempotency_key (caller, idempotency_key, request_hash, state, response_status,
                                             response_content_type, response_location, response_body, completed_at)
                values (?, ?, ?, 'COMPLETED', ?, ?, ?, ?, now())
                on conflict do nothing
                """, caller, key, requestHash, status, contentType, location, body) == 1;
    }

    /**
     * Claims the key as IN_PROGRESS in the current transaction, for a handler that runs outside any request
     * transaction ({@link IdempotencyProperties#ownTransactionPaths()}); {@code false} if a row exists already.
     */
    boolean claim(String caller, String key, String requestHash) {
        return jdbc.update("""
                insert into idempotency_key (caller, idempotency_key, request_hash, state)
                values (?, ?, ?, 'IN_PROGRESS')
                on conflict do nothing
                """, caller, key, requestHash) == 1;
    }

    /** Completes a claim with the handler's response (or stores it, if the claim was purged meanwhile). */
    boolean completeClaim(String caller, String key, String requestHash, int status, String contentType,
            String location, byte[] body) {
        int updated = jdbc.update("""
                update idempotency_key set state = 'COMPLETED', response_status = ?, response_content_type = ?,
                       response_location = ?, response_body = ?, completed_at = now()
                where caller = ? and idempotency_key = ? and request_hash = ? and state = 'IN_PROGRESS'
                """, status, contentType, location, body, caller, key, requestHash);
        return updated == 1 || storeCompleted(caller, key, requestHash, status, contentType, location, body);
    }

    /** Gives a claim up (the handler failed): a retry with the key runs again. */
    void releaseClaim(String caller, String key, String requestHash) {
        jdbc.update("delete from idempotency_key where caller = ? and idempotency_key = ? and request_hash = ?"
                + " and state = 'IN_PROGRESS'", caller, key, requestHash);
    }

    /**
     * Deletes responses older than the retention, and IN_PROGRESS claims that instances of an earlier version
     * (which committed a claim before running) left behind.
     */
    int purge(Instant completedBefore, Instant claimedBefore) {
        return jdbc.update("""
                delete from idempotency_key
                where (state = 'COMPLETED' and created_at < ?) or (state = 'IN_PROGRESS' and created_at < ?)
                """, Timestamp.from(completedBefore), Timestamp.from(claimedBefore));
    }
}
