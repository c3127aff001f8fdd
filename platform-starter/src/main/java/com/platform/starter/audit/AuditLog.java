package com.platform.starter.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and verifies the audit trail for auditors (api.md, Audit). */
public class AuditLog {

    private static final int VERIFY_FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public AuditLog(JdbcTemplate jdbc, TransactionTemplate readOnly) {
        this.jdbc = jdbc;
        this.readOnly = readOnly;
    }

    /** Filter of the event list; every part optional. */
    public record Filter(String actor, String targetType, String targetId, Instant from, Instant to) {
    }

    /**
     * The result of walking the chain.
     *
     * @param firstBrokenEntry sequence number of the first entry whose hash, link or position is wrong
     * @param problem what is wrong with it
     */
    public record Verification(boolean valid, long entries, Long firstBrokenEntry, String problem) {
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
     * Walks the whole chain in order and stops at the first entry that is out of sequence (a deleted or moved row),
     * does not link to its predecessor, or whose content no longer matches its hash (an edited row).
     * Deleting the newest entries leaves a shorter valid chain: compare {@code entries} with a count kept elsewhere.
     */
    public Verification verify() {
        return readOnly.execute(status -> jdbc.query(connection -> {
            var statement = connection.prepareStatement("select * from audit_entry order by seq");
            statement.setFetchSize(VERIFY_FETCH_SIZE);
            return statement;
        }, rs -> {
            long expectedSeq = 1;
            String expectedPrev = AuditChain.GENESIS;
            long count = 0;
            while (rs.next()) {
                AuditEntry entry = ENTRY.mapRow(rs, (int) count);
                count++;
                if (entry.seq() != expectedSeq) {
                    return new Verification(false, count, entry.seq(),
                            "expected entry " + expectedSeq + " here: an entry was deleted or moved");
                }
                if (!entry.prevHash().equals(expectedPrev)) {
                    return new Verification(false, count, entry.seq(),
                            "does not link to the previous entry: an earlier entry was deleted or altered");
                }
                if (!AuditChain.hashOf(entry).equals(entry.hash())) {
                    return new Verification(false, count, entry.seq(), "content does not match its hash: edited");
                }
                expectedSeq++;
                expectedPrev = entry.hash();
            }
            return new Verification(true, count, null, null);
        }));
    }

    private static final RowMapper<AuditEntry> ENTRY = AuditLog::mapEntry;

    private static AuditEntry mapEntry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("entry_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("request_id"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
