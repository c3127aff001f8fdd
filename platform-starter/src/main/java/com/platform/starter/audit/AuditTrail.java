package com.platform.starter.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.platform.starter.requestid.RequestIds;
import com.platform.starter.security.CurrentCaller;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the tamper-evident audit trail (X2), inside the caller's transaction: the entry commits with the change
 * it describes or not at all. Appends are serialised per database by a transaction-scoped advisory lock so that
 * every entry links to the one before it.
 *
 * <p>Before/after states are snapshots the caller chooses: ids, statuses and masked values, never personal data in
 * clear (the trail is read by auditors and cannot be erased).
 */
public class AuditTrail {

    private static final long APPEND_LOCK_KEY = 0x6175646974L;

    private final JdbcTemplate jdbc;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final String systemActor;

    public AuditTrail(JdbcTemplate jdbc, JsonMapper jsonMapper, Clock clock, String systemActor) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.systemActor = systemActor;
    }

    /** Records an action by the current caller (from the token) or, without one, by this service itself. */
    public AuditEntry record(String action, String targetType, String targetId, Object before, Object after) {
        String actor = CurrentCaller.find().map(CurrentCaller::actor).orElse(systemActor);
        return recordAs(actor, action, targetType, targetId, before, after);
    }

    /** Records an action by a named actor, e.g. {@code system:penalty-expiry} or the sender of an event. */
    public AuditEntry recordAs(String actor, String action, String targetType, String targetId, Object before,
            Object after) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("AuditTrail must run inside the transaction of the audited change");
        }
        jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, APPEND_LOCK_KEY);
        List<Object[]> last = jdbc.query("select seq, hash from audit_entry order by seq desc limit 1",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long seq = last.isEmpty() ? 1 : (long) last.get(0)[0] + 1;
        String prevHash = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0)[1];
        UUID entryId = UUID.randomUUID();
        Instant occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        String requestId = RequestIds.current();
        String hash = AuditChain.hash(seq, entryId, occurredAt, actor, action, targetType, targetId, beforeJson,
                afterJson, requestId, prevHash);
        jdbc.update("""
                insert into audit_entry (seq, entry_id, occurred_at, actor, action, target_type, target_id,
                                         before_state, after_state, request_id, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, seq, entryId, Timestamp.from(occurredAt), actor, action, targetType, targetId, beforeJson,
                afterJson, requestId, prevHash, hash);
        return new AuditEntry(seq, entryId, occurredAt, actor, action, targetType, targetId, beforeJson, afterJson,
                requestId, prevHash, hash);
    }

    private String toJson(Object state) {
        return state == null ? null : jsonMapper.writeValueAsString(state);
    }
}
