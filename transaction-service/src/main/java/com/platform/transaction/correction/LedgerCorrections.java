package com.platform.transaction.correction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.platform.transaction.ledger.LedgerAccount;

/** Ledger corrections in PostgreSQL (the lines as JSON: account, side, amountMinor). */
@Repository
class LedgerCorrections {

    private static final String COLUMNS = "id, transaction_id, currency, reason, corrects_entry_id, lines, status, "
            + "proposed_by, proposed_at, decided_by, decided_at, decision_reason, entry_id";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    LedgerCorrections(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(LedgerCorrection correction) {
        LedgerCorrection.Row r = correction.row();
        jdbc.update("insert into ledger_correction (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.transactionId(), r.currency(), r.reason(), r.correctsEntryId(), linesJson(r.lines()),
                r.status().name(), r.proposedBy(), ts(r.proposedAt()), r.decidedBy(), ts(r.decidedAt()),
                r.decisionReason(), r.entryId());
    }

    void update(LedgerCorrection correction) {
        LedgerCorrection.Row r = correction.row();
        jdbc.update("""
                update ledger_correction set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?,
                       entry_id = ?
                where id = ?
                """, r.status().name(), r.decidedBy(), ts(r.decidedAt()), r.decisionReason(), r.entryId(), r.id());
    }

    Optional<LedgerCorrection> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from ledger_correction where id = ?", this::map, id).stream()
                .findFirst();
    }

    Optional<LedgerCorrection> lock(UUID id) {
        return jdbc.query("select " + COLUMNS + " from ledger_correction where id = ? for update", this::map, id)
                .stream().findFirst();
    }

    List<LedgerCorrection> list(LedgerCorrection.Status status, UUID transactionId, int limit, long offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from ledger_correction where true");
        List<Object> args = new ArrayList<>();
        filter(sql, args, status, transactionId);
        sql.append(" order by proposed_at desc, id limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    long count(LedgerCorrection.Status status, UUID transactionId) {
        StringBuilder sql = new StringBuilder("select count(*) from ledger_correction where true");
        List<Object> args = new ArrayList<>();
        filter(sql, args, status, transactionId);
        Long count = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    private static void filter(StringBuilder sql, List<Object> args, LedgerCorrection.Status status,
            UUID transactionId) {
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        if (transactionId != null) {
            sql.append(" and transaction_id = ?");
            args.add(transactionId);
        }
    }

    private String linesJson(List<LedgerCorrection.Line> lines) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LedgerCorrection.Line line : lines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("account", line.account().name());
            m.put("side", line.side().name());
            m.put("amountMinor", line.amountMinor());
            out.add(m);
        }
        return json.writeValueAsString(out);
    }

    private LedgerCorrection map(ResultSet rs, int i) throws SQLException {
        List<LedgerCorrection.Line> lines = new ArrayList<>();
        for (JsonNode node : json.readTree(rs.getString("lines"))) {
            lines.add(new LedgerCorrection.Line(LedgerAccount.valueOf(node.get("account").asString()),
                    LedgerCorrection.Side.valueOf(node.get("side").asString()), node.get("amountMinor").asLong()));
        }
        return LedgerCorrection.fromRow(new LedgerCorrection.Row(rs.getObject("id", UUID.class),
                rs.getObject("transaction_id", UUID.class), rs.getString("currency"), rs.getString("reason"),
                rs.getObject("corrects_entry_id", UUID.class), lines, rs.getString("proposed_by"),
                instant(rs.getTimestamp("proposed_at")), LedgerCorrection.Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"),
                rs.getObject("entry_id", UUID.class)));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
