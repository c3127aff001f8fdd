package com.platform.starter.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.platform.starter.outbox.Outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals the audit trail: a checkpoint holds the head (position and hash) of every chain, is stored in
 * {@code audit_checkpoint} and, when {@code platform.audit.anchor-topic} names the service's topic, is published in
 * the same transaction as an {@value #EVENT_TYPE} event through the outbox (key: the trail name). Kafka is where
 * the table's writer cannot rewrite it: someone who deletes the newest entries (and the newest checkpoint rows)
 * leaves chains that end before the published heads, and {@link AuditLog#verify()} reports the truncation. A
 * checkpoint is written only when some chain moved since the last one.
 */
public class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    public static final String EVENT_TYPE = "audit.checkpoint";
    private static final TypeReference<List<ChainHead>> HEADS = new TypeReference<>() {
    };

    /** The newest entry of one chain. */
    public record ChainHead(int chain, long seq, String hash) {
    }

    /** The heads of all chains at a moment; {@code entries} is their total length. */
    public record Checkpoint(String trail, long checkpoint, Instant createdAt, long entries, List<ChainHead> heads) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Outbox outbox;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final String trail;
    private final String anchorTopic;

    /** @param anchorTopic the service's topic for the checkpoint events; {@code null}: stored in the database only */
    public AuditSealer(JdbcTemplate jdbc, TransactionTemplate transaction, Outbox outbox, JsonMapper jsonMapper,
            Clock clock, String trail, String anchorTopic) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.outbox = outbox;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.trail = trail;
        this.anchorTopic = anchorTopic;
    }

    public String trail() {
        return trail;
    }

    /** Writes (and publishes) a checkpoint of the committed chain heads, unless nothing changed since the last. */
    public Optional<Checkpoint> seal() {
        return Optional.ofNullable(transaction.execute(status -> {
            List<ChainHead> heads = jdbc.query(
                    "select chain, last_seq, last_hash from audit_chain_head where last_seq > 0 order by chain",
                    (rs, i) -> new ChainHead(rs.getInt(1), rs.getLong(2), rs.getString(3)));
            Optional<Checkpoint> last = newestStored(jdbc, jsonMapper, trail);
            if (heads.isEmpty() || last.isPresent() && last.get().heads().equals(heads)) {
                return null;
            }
            long id = jdbc.queryForObject("select nextval(pg_get_serial_sequence('audit_checkpoint', 'id'))",
                    Long.class);
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            long entries = heads.stream().mapToLong(ChainHead::seq).sum();
            Checkpoint checkpoint = new Checkpoint(trail, id, now, entries, heads);
            UUID eventId = null;
            if (anchorTopic != null && outbox != null) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("trail", trail);
                data.put("checkpoint", id);
                data.put("createdAt", now.toString());
                data.put("entries", entries);
                data.put("heads", heads);
                eventId = outbox.record(anchorTopic, "audit-trail", trail, EVENT_TYPE, data);
            }
            jdbc.update("insert into audit_checkpoint (id, created_at, entries, heads, event_id) values (?, ?, ?, ?, ?)",
                    id, Timestamp.from(now), entries, jsonMapper.writeValueAsString(heads), eventId);
            log.debug("Audit checkpoint {}: {} entries in {} chains", id, entries, heads.size());
            return checkpoint;
        }));
    }

    static Optional<Checkpoint> newestStored(JdbcTemplate jdbc, JsonMapper jsonMapper, String trail) {
        return jdbc.query("select id, created_at, entries, heads from audit_checkpoint order by id desc limit 1",
                (rs, i) -> new Checkpoint(trail, rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
                        jsonMapper.readValue(rs.getString(4), HEADS))).stream().findFirst();
    }
}
