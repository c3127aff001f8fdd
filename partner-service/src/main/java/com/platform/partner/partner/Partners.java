package com.platform.partner.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.platform.partner.support.RuleViolation;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

/** The partner table; the one place a {@link Partner} is mapped to and from a row. */
@Repository
public class Partners {

    private static final String COLUMNS = """
            id, application_id, applicant_id, company_name, credit_code, type, status, grade, probation_until,
            contacts, client_id, client_state, created_at, updated_at""";

    private final JdbcTemplate jdbc;
    private final ContactCodec contacts;

    Partners(JdbcTemplate jdbc, ContactCodec contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    public void insert(Partner p) {
        jdbc.update("insert into partner (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)",
                p.id(), p.applicationId(), p.applicantId(), p.companyName(), p.creditCode(), p.type().name(),
                p.status().name(), p.grade() == null ? null : p.grade().name(), p.probationUntil(),
                contacts.write(p.contacts()), p.clientId(), p.clientState().name(), Timestamp.from(p.createdAt()),
                Timestamp.from(p.updatedAt()));
    }

    public void update(Partner p) {
        jdbc.update("""
                update partner set status = ?, grade = ?, probation_until = ?, client_id = ?, client_state = ?,
                                   updated_at = ?
                where id = ?""", p.status().name(), p.grade() == null ? null : p.grade().name(), p.probationUntil(),
                p.clientId(), p.clientState().name(), Timestamp.from(p.updatedAt()), p.id());
    }

    public Optional<Partner> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from partner where id = ?", this::map, id).stream().findFirst();
    }

    /** The row locked for the rest of the transaction: the first lock of every use case changing a partner. */
    public Optional<Partner> findForUpdate(UUID id) {
        return jdbc.query("select " + COLUMNS + " from partner where id = ? for update", this::map, id).stream()
                .findFirst();
    }

    public Partner get(UUID id) {
        return find(id).orElseThrow(Partners::unknown);
    }

    public Partner getForUpdate(UUID id) {
        return findForUpdate(id).orElseThrow(Partners::unknown);
    }

    public static RuleViolation unknown() {
        return RuleViolation.notFound("PARTNER_NOT_FOUND", "No such partner.");
    }

    public PageResponse<Partner> list(PartnerStatus status, PartnerType type, PageQuery page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        if (type != null) {
            where.append(" and type = ?");
            args.add(type.name());
        }
        Long total = jdbc.queryForObject("select count(*) from partner" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<Partner> items = jdbc.query("select " + COLUMNS + " from partner" + where
                + " order by created_at, id limit ? offset ?", this::map, pageArgs.toArray());
        return PageResponse.of(items, page, total == null ? 0 : total);
    }

    /** Partners whose API client a termination left to revoke. */
    public List<UUID> awaitingRevocation(int limit) {
        return jdbc.queryForList("select id from partner where client_state = 'REVOKE_PENDING' limit ?", UUID.class,
                limit);
    }

    /** Partners that are graded quarterly (admitted and not terminated). */
    public List<UUID> evaluable() {
        return jdbc.queryForList("select id from partner where status in ('ACTIVE', 'PROBATION') order by id",
                UUID.class);
    }

    private Partner map(ResultSet rs, int row) throws SQLException {
        String grade = rs.getString("grade");
        return Partner.restore(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("applicant_id"), rs.getString("company_name"), rs.getString("credit_code"),
                PartnerType.valueOf(rs.getString("type")), PartnerStatus.valueOf(rs.getString("status")),
                grade == null ? null : Grade.valueOf(grade), rs.getObject("probation_until", java.time.LocalDate.class),
                contacts.read(rs.getString("contacts")), rs.getString("client_id"),
                Partner.ClientState.valueOf(rs.getString("client_state")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
