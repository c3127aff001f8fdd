package com.platform.partner.blacklist;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

/**
 * P2: the partner blacklist. An entry bars a unified social credit code from admission until it expires (an
 * entry without expiry bars it until removed).
 */
@Repository
public class Blacklist {

    public record Entry(String creditCode, String reason, LocalDate expiresOn, String addedBy, Instant addedAt) {

        public boolean inForceOn(LocalDate day) {
            return expiresOn == null || !expiresOn.isBefore(day);
        }
    }

    private final JdbcTemplate jdbc;

    Blacklist(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The entry barring the code on {@code day}, if any. */
    public Optional<Entry> barring(String creditCode, LocalDate day) {
        return find(creditCode).filter(e -> e.inForceOn(day));
    }

    Optional<Entry> find(String creditCode) {
        return jdbc.query("select * from partner_blacklist where credit_code = ?", (rs, i) -> new Entry(
                rs.getString("credit_code"), rs.getString("reason"),
                rs.getObject("expires_on", LocalDate.class), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant()), creditCode).stream().findFirst();
    }

    /** Adds or replaces the entry of its code; returns the entry it replaced. */
    Optional<Entry> put(Entry entry) {
        Optional<Entry> before = jdbc.query("select * from partner_blacklist where credit_code = ? for update",
                (rs, i) -> new Entry(rs.getString("credit_code"), rs.getString("reason"),
                        rs.getObject("expires_on", LocalDate.class), rs.getString("added_by"),
                        rs.getTimestamp("added_at").toInstant()), entry.creditCode()).stream().findFirst();
        jdbc.update("""
                insert into partner_blacklist (credit_code, reason, expires_on, added_by, added_at)
                values (?, ?, ?, ?, ?)
                on conflict (credit_code) do update set reason = excluded.reason, expires_on = excluded.expires_on,
                    added_by = excluded.added_by, added_at = excluded.added_at""",
                entry.creditCode(), entry.reason(), entry.expiresOn(), entry.addedBy(),
                Timestamp.from(entry.addedAt()));
        return before;
    }

    boolean remove(String creditCode) {
        return jdbc.update("delete from partner_blacklist where credit_code = ?", creditCode) > 0;
    }

    PageResponse<Entry> list(PageQuery page) {
        Long total = jdbc.queryForObject("select count(*) from partner_blacklist", Long.class);
        List<Entry> items = jdbc.query("select * from partner_blacklist order by added_at desc, credit_code "
                + "limit ? offset ?", (rs, i) -> new Entry(rs.getString("credit_code"), rs.getString("reason"),
                rs.getObject("expires_on", LocalDate.class), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant()), page.size(), page.offset());
        return PageResponse.of(items, page, total == null ? 0 : total);
    }
}
