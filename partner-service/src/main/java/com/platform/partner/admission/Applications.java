package com.platform.partner.admission;

import com.platform.partner.partner.CreditCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.platform.partner.partner.ContactCodec;
import com.platform.partner.partner.PartnerType;
import com.platform.partner.support.Json;
import com.platform.partner.support.RuleViolation;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;

/** The partner_application table; children (checks, reviews, ...) are JSON columns of the row. */
@Repository
public class Applications {

    private static final String COLUMNS = """
            id, applicant_id, company_name, credit_code, type, license_number, license_expires_on, qualifications,
            contacts, service_regions, capabilities, status, checks, reviews, reasons, partner_id, credit_check_due_at,
            credit_check_attempts, submitted_at, decided_at""";

    private final JdbcTemplate jdbc;
    private final Json json;
    private final ContactCodec contacts;

    Applications(JdbcTemplate jdbc, Json json, ContactCodec contacts) {
        this.jdbc = jdbc;
        this.json = json;
        this.contacts = contacts;
    }

    void insert(PartnerApplication a) {
        jdbc.update("insert into partner_application (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, "
                + "?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)",
                a.id(), a.applicantId(), a.companyName(), a.creditCode().value(), a.type().name(), a.licenseNumber(),
                a.licenseExpiresOn(), json.write(a.qualifications()), contacts.write(a.contacts()),
                json.write(a.serviceRegions()), json.write(a.capabilities()), a.status().name(),
                json.write(a.checks()), json.write(a.reviews()), json.write(a.reasons()), a.partnerId(),
                ts(a.creditCheckDueAt()), a.creditCheckAttempts(), ts(a.submittedAt()), ts(a.decidedAt()));
    }

    void update(PartnerApplication a) {
        jdbc.update("""
                update partner_application set status = ?, checks = ?::jsonb, reviews = ?::jsonb, reasons = ?::jsonb,
                       partner_id = ?, credit_check_due_at = ?, credit_check_attempts = ?, decided_at = ?
                where id = ?""", a.status().name(), json.write(a.checks()), json.write(a.reviews()),
                json.write(a.reasons()), a.partnerId(), ts(a.creditCheckDueAt()), a.creditCheckAttempts(),
                ts(a.decidedAt()), a.id());
    }

    public Optional<PartnerApplication> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from partner_application where id = ?", this::map, id).stream()
                .findFirst();
    }

    public Optional<PartnerApplication> findForUpdate(UUID id) {
        return jdbc.query("select " + COLUMNS + " from partner_application where id = ? for update", this::map, id)
                .stream().findFirst();
    }

    public static RuleViolation unknown() {
        return RuleViolation.notFound("APPLICATION_NOT_FOUND", "No such application.");
    }

    boolean hasOpenApplication(String creditCode) {
        Boolean open = jdbc.queryForObject("""
                select exists (select 1 from partner_application where credit_code = ? and status <> 'REJECTED')""",
                Boolean.class, creditCode);
        return Boolean.TRUE.equals(open);
    }

    /** Pending credit checks whose retry time has come, locked for the caller and skipped by other instances. */
    List<UUID> claimableCreditChecks(Instant now, int limit) {
        return jdbc.queryForList("""
                select id from partner_application
                where status = 'SUBMITTED' and credit_check_due_at <= ?
                order by credit_check_due_at limit ? for update skip locked""", UUID.class, ts(now), limit);
    }

    PageResponse<PartnerApplication> list(ApplicationStatus status, PartnerType type, PageQuery page) {
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
        Long total = jdbc.queryForObject("select count(*) from partner_application" + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<PartnerApplication> items = jdbc.query("select " + COLUMNS + " from partner_application" + where
                + " order by submitted_at, id limit ? offset ?", this::map, pageArgs.toArray());
        return PageResponse.of(items, page, total == null ? 0 : total);
    }

    private PartnerApplication map(ResultSet rs, int row) throws SQLException {
        PartnerApplication.Details details = new PartnerApplication.Details(rs.getString("applicant_id"),
                rs.getString("company_name"), new CreditCode(rs.getString("credit_code")),
                PartnerType.valueOf(rs.getString("type")), rs.getString("license_number"),
                rs.getObject("license_expires_on", java.time.LocalDate.class),
                json.readList(rs.getString("qualifications"), Qualification.class),
                contacts.read(rs.getString("contacts")), json.readList(rs.getString("service_regions"), String.class),
                json.readList(rs.getString("capabilities"), String.class));
        return PartnerApplication.restore(rs.getObject("id", UUID.class), details,
                ApplicationStatus.valueOf(rs.getString("status")), json.readList(rs.getString("checks"), Check.class),
                json.readList(rs.getString("reviews"), Review.class), json.readList(rs.getString("reasons"),
                        String.class), rs.getObject("partner_id", UUID.class), instant(rs, "credit_check_due_at"),
                rs.getInt("credit_check_attempts"), instant(rs, "submitted_at"), instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
