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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the tamper-evident audit trail (X2), inside the caller's transaction: the entry commits with the change
 * it describes or not at all.
 *
 * <p><b>Several chains, no single lock.</b> The trail is {@code chains} independent hash chains (16 by default).
 * A transaction's first entry takes the lowest-numbered chain whose head row ({@code audit_chain_head}) no other
 * transaction holds ({@code FOR UPDATE SKIP LOCKED}), and all its entries go to that chain; the head row stays
 * locked until commit, so each chain is appended strictly in order while up to {@code chains} audited transactions
 * commit in parallel. Only when every chain is busy does a transaction wait, for one chain (picked by thread).
 * Holding at most one chain per transaction means appenders never wait for each other in a cycle. Entries of one
 * target may sit in different chains; their order is the trail's {@code seq} (from a sequence), which follows the
 * order of the changes because the audited change locks its aggregate before the audit entry is written (the lock
 * order of style.md). Uncontended, every entry goes to chain 0, as the single chain did.
 *
 * <p>Each chain is verified on its own ({@link AuditLog#verify()}); its head is anchored outside the database by
 * {@link AuditSealer}'s checkpoints.
 *
 * <p>Before/after states are snapshots the caller chooses: ids, statuses and masked values, never personal data in
 * clear (the trail is read by auditors and cannot be erased).
 */
public class AuditTrail {

    private static final String CHAIN_RESOURCE = AuditTrail.class.getName() + ".chain";

    private final JdbcTemplate jdbc;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final String systemActor;
    private final int chains;
    private final TransactionTemplate ownTransaction;

    /**
     * @param chains number of chains (parallel appenders); changing it later is safe (chains are verified apart)
     * @param ownTransaction a REQUIRES_NEW template, to create missing chain heads outside the caller's transaction
     */
    public AuditTrail(JdbcTemplate jdbc, JsonMapper jsonMapper, Clock clock, String systemActor, int chains,
            TransactionTemplate ownTransaction) {
        if (chains < 1) {
            throw new IllegalArgumentException("At least one audit chain");
        }
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.systemActor = systemActor;
        this.chains = chains;
        this.ownTransaction = ownTransaction;
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
        Head head = lockChain();
        long chainSeq = head.lastSeq() + 1;
        UUID entryId = UUID.randomUUID();
        Instant occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        String requestId = RequestIds.current();
        String hash = AuditChain.hash(chainSeq, entryId, occurredAt, actor, action, targetType, targetId, beforeJson,
                afterJson, requestId, head.lastHash());
        Long seq = jdbc.queryForObject("""
                insert into audit_entry (chain, chain_seq, entry_id, occurred_at, actor, action, target_type,
                                         target_id, before_state, after_state, request_id, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning seq
                """, Long.class, head.chain(), chainSeq, entryId, Timestamp.from(occurredAt), actor, action,
                targetType, targetId, beforeJson, afterJson, requestId, head.lastHash(), hash);
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where chain = ?", chainSeq, hash,
                head.chain());
        TransactionSynchronizationManager.unbindResource(CHAIN_RESOURCE);
        TransactionSynchronizationManager.bindResource(CHAIN_RESOURCE, new Head(head.chain(), chainSeq, hash));
        return new AuditEntry(seq, entryId, occurredAt, actor, action, targetType, targetId, beforeJson, afterJson,
                requestId, head.lastHash(), hash, head.chain(), chainSeq);
    }

    private record Head(int chain, long lastSeq, String lastHash) {
    }

    /** The chain this transaction appends to, locked for it until it ends. */
    private Head lockChain() {
        Head held = (Head) TransactionSynchronizationManager.getResource(CHAIN_RESOURCE);
        if (held != null) {
            return held;
        }
        Head head = freeChain();
        if (head == null) {
            createMissingHeads();
            head = freeChain();
        }
        if (head == null) {
            // every chain is busy: wait for one
            int chain = (int) Math.floorMod(Thread.currentThread().threadId(), (long) chains);
            head = jdbc.queryForObject(
                    "select chain, last_seq, last_hash from audit_chain_head where chain = ? for update",
                    (rs, i) -> new Head(rs.getInt(1), rs.getLong(2), rs.getString(3)), chain);
        }
        TransactionSynchronizationManager.bindResource(CHAIN_RESOURCE, head);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CHAIN_RESOURCE);
            }
        });
        return head;
    }

    private Head freeChain() {
        List<Head> free = jdbc.query("""
                select chain, last_seq, last_hash from audit_chain_head where chain < ?
                order by chain limit 1 for update skip locked
                """, (rs, i) -> new Head(rs.getInt(1), rs.getLong(2), rs.getString(3)), chains);
        return free.isEmpty() ? null : free.get(0);
    }

    /** Creates the head rows of chains that have none, committed at once so they never wait on the caller. */
    private void createMissingHeads() {
        ownTransaction.executeWithoutResult(status -> {
            for (int chain = 0; chain < chains; chain++) {
                jdbc.update("""
                        insert into audit_chain_head (chain, last_seq, last_hash) values (?, 0, ?)
                        on conflict do nothing
                        """, chain, AuditChain.genesis(chain));
            }
        });
    }

    private String toJson(Object state) {
        return state == null ? null : jsonMapper.writeValueAsString(state);
    }
}
