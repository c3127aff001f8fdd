package com.platform.starter.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import tools.jackson.databind.json.JsonMapper;

/** Reads and verifies the audit trail for auditors (api.md, Audit). */
public class AuditLog {

    private static final int PAGE = 5000;

    private final JdbcTemplate jdbc;
    private final JsonMapper jsonMapper;
    private final String trail;
    private final AuditAnchor anchor;

    /** @param anchor reads the published checkpoints back; {@code null} when the trail is not anchored */
    public AuditLog(JdbcTemplate jdbc, JsonMapper jsonMapper, String trail, AuditAnchor anchor) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        this.trail = trail;
        this.anchor = anchor;
    }

    /** Filter of the event list; every part optional. */
    public record Filter(String actor, String targetType, String targetId, Instant from, Instant to) {
    }

    /**
     * The result of walking the chains.
     *
     * @param entries entries verified
     * @param firstBrokenEntry {@code seq} of the first entry whose hash, link or position is wrong (null for a
     *        truncation: the missing entries have no seq left)
     * @param problem what is wrong
     * @param chains how many chains were walked
     * @param checkpoint the checkpoint the chains were compared with: the published one if found, else the stored
     *        one (null: none yet)
     * @param anchor {@code kafka:<topic>} when a published checkpoint was found, else {@code database}
     */
    public record Verification(boolean valid, long entries, Long firstBrokenEntry, String problem, int chains,
            Long checkpoint, String anchor) {
    }

    public PageResponse<AuditEntry> find(Filter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null) {
            where.append(" and actor = ?");
            args.add(filter.actor());
        }
        if (filter.targetType() != null) {
            where.append(" and target_type = ?");
            args.add(filter.targetType());
        }
        if (filter.targetId() != null) {
            where.append(" and target_id = ?");
            args.add(filter.targetId());
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        Long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<AuditEntry> items = jdbc.query("select * from audit_entry" + where + " order by seq limit ? offset ?",
                ENTRY, pageArgs.toArray());
        return PageResponse.of(items, page, total == null ? 0 : total);
    }

    /**
     * Walks every chain in order, a page of {@value #PAGE} entries per query (keyset on the chain's index, so the
     * cost is linear and memory flat at any size), and stops each chain at the first entry that is out of
     * sequence (a deleted or moved row), does not link to its predecessor, or whose content no longer matches its
     * hash (an edited row); the earliest such entry is reported. Then compares the chains with the newest
     * checkpoint published through Kafka (the anchor) and with the newest stored one. A
     * chain that ends before the checkpoint's head means the newest entries were deleted (a truncation); a
     * different hash at that position means the chain was rewritten.
     */
    public Verification verify() {
        // checkpoints first: every entry they name was committed before the walk below starts
        Optional<AuditSealer.Checkpoint> anchored = anchor == null ? Optional.empty() : anchor.latest(trail);
        Optional<AuditSealer.Checkpoint> stored = AuditSealer.newestStored(jdbc, jsonMapper, trail);
        List<Integer> chains = jdbc.queryForList("""
                with recursive chains(chain) as (
                    select min(chain) from audit_entry
                    union all
                    select (select min(chain) from audit_entry where chain > chains.chain) from chains
                    where chains.chain is not null)
                select chain from chains where chain is not null
                """, Integer.class);
        // Both are checked: a forged newer row in the table cannot hide what the published checkpoint recorded.
        List<AuditSealer.Checkpoint> checkpoints = new ArrayList<>();
        anchored.ifPresent(checkpoints::add);
        stored.ifPresent(checkpoints::add);
        Long checkpointId = checkpoints.isEmpty() ? null : checkpoints.get(0).checkpoint();
        String source = anchored.isPresent() ? anchor.describe() : stored.isPresent() ? "database" : null;
        Map<Integer, java.util.Set<Long>> watched = new HashMap<>();
        checkpoints.forEach(c -> c.heads().forEach(h -> watched.computeIfAbsent(h.chain(),
                k -> new java.util.HashSet<>()).add(h.seq())));

        long count = 0;
        ChainWalk firstBroken = null;
        Map<Integer, ChainWalk> walks = new HashMap<>();
        for (int chain : chains) {
            ChainWalk walk = walk(chain, watched.getOrDefault(chain, java.util.Set.of()));
            walks.put(chain, walk);
            count += walk.entries;
            if (walk.brokenSeq != null && (firstBroken == null || walk.brokenSeq < firstBroken.brokenSeq)) {
                firstBroken = walk;
            }
        }
        if (firstBroken != null) {
            return new Verification(false, count, firstBroken.brokenSeq, firstBroken.problem, chains.size(),
                    checkpointId, source);
        }
        for (AuditSealer.Checkpoint checkpoint : checkpoints) {
            String from = checkpoint == anchored.orElse(null) ? anchor.describe() : "database";
            for (AuditSealer.ChainHead head : checkpoint.heads()) {
                ChainWalk walk = walks.get(head.chain());
                long length = walk == null ? 0 : walk.lastChainSeq;
                if (length < head.seq()) {
                    return new Verification(false, count, null, "chain " + head.chain() + " ends at entry " + length
                            + " but checkpoint " + checkpoint.checkpoint() + " (" + from
                            + ") recorded entry " + head.seq() + ": the newest entries were deleted (truncated)",
                            chains.size(), checkpointId, source);
                }
                if (!head.hash().equals(walk.watchedHashes.get(head.seq()))) {
                    return new Verification(false, count, null, "chain " + head.chain() + " entry " + head.seq()
                            + " differs from checkpoint " + checkpoint.checkpoint() + " (" + from
                            + "): the chain was rewritten",
                            chains.size(), checkpointId, source);
                }
            }
        }
        return new Verification(true, count, null, null, chains.size(), checkpointId, source);
    }

    private static final class ChainWalk {
        long entries;
        long lastChainSeq;
        final Map<Long, String> watchedHashes = new HashMap<>();
        Long brokenSeq;
        String problem;
    }

    private ChainWalk walk(int chain, java.util.Set<Long> watchedChainSeqs) {
        ChainWalk walk = new ChainWalk();
        long expectedChainSeq = 1;
        String expectedPrev = AuditChain.genesis(chain);
        long afterSeq = Long.MIN_VALUE;
        while (true) {
            List<AuditEntry> page = jdbc.query(
                    "select * from audit_entry where chain = ? and seq > ? order by seq limit " + PAGE, ENTRY, chain,
                    afterSeq);
            for (AuditEntry entry : page) {
                walk.entries++;
                if (entry.chainSeq() != expectedChainSeq) {
                    return broken(walk, entry, "expected entry " + expectedChainSeq + " of chain " + chain
                            + " here: an entry was deleted or moved");
                }
                if (!entry.prevHash().equals(expectedPrev)) {
                    return broken(walk, entry,
                            "does not link to the previous entry: an earlier entry was deleted or altered");
                }
                if (!AuditChain.hashOf(entry).equals(entry.hash())) {
                    return broken(walk, entry, "content does not match its hash: edited");
                }
                if (watchedChainSeqs.contains(entry.chainSeq())) {
                    walk.watchedHashes.put(entry.chainSeq(), entry.hash());
                }
                walk.lastChainSeq = entry.chainSeq();
                expectedChainSeq++;
                expectedPrev = entry.hash();
                afterSeq = entry.seq();
            }
            if (page.size() < PAGE) {
                return walk;
            }
        }
    }

    private static ChainWalk broken(ChainWalk walk, AuditEntry entry, String problem) {
        walk.brokenSeq = entry.seq();
        walk.problem = problem;
        return walk;
    }

    private static final RowMapper<AuditEntry> ENTRY = AuditLog::mapEntry;

    private static AuditEntry mapEntry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("entry_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("request_id"), rs.getString("prev_hash"),
                rs.getString("hash"), rs.getInt("chain"), rs.getLong("chain_seq"));
    }
}
