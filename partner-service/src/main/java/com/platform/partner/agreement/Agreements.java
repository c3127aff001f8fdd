package com.platform.partner.agreement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.platform.partner.support.RuleViolation;

/** The agreement and agreement_version tables; the one place an {@link Agreement} is mapped. */
@Repository
public class Agreements {

    private final JdbcTemplate jdbc;

    Agreements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Agreement agreement, Instant now) {
        jdbc.update("insert into agreement (id, partner_id, created_at) values (?, ?, ?)", agreement.id(),
                agreement.partnerId(), Timestamp.from(now));
        save(agreement);
    }

    /** Writes every version (new ones inserted, changed ones updated). */
    void save(Agreement agreement) {
        for (AgreementVersion v : agreement.versions()) {
            Terms t = v.terms;
            jdbc.update("""
                    insert into agreement_version (agreement_id, version, partner_id, status, cooperation_mode,
                        starts_on, ends_on, rights_and_obligations, confidentiality, breach_liability, commission_rate,
                        fulfilment_days, api_quota_per_minute, termination_notice_days, created_by, created_at,
                        proposed_at, accepted_by, accepted_at, termination_reason, termination_effective_on,
                        terminated_at, ended_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (agreement_id, version) do update set status = excluded.status,
                        proposed_at = excluded.proposed_at, accepted_by = excluded.accepted_by,
                        accepted_at = excluded.accepted_at, termination_reason = excluded.termination_reason,
                        termination_effective_on = excluded.termination_effective_on,
                        terminated_at = excluded.terminated_at, ended_at = excluded.ended_at""",
                    v.agreementId, v.version, v.partnerId, v.status.name(), t.cooperationMode(), t.startsOn(),
                    t.endsOn(), t.rightsAndObligations(), t.confidentiality(), t.breachLiability(),
                    t.commissionRate(), t.fulfilmentDays(), t.apiQuotaPerMinute(), t.terminationNoticeDays(),
                    v.createdBy, ts(v.createdAt), ts(v.proposedAt), v.acceptedBy, ts(v.acceptedAt),
                    v.terminationReason, v.terminationEffectiveOn, ts(v.terminatedAt), ts(v.endedAt));
        }
    }

    public Optional<Agreement> find(UUID id) {
        return load(id, false);
    }

    /** Locks the agreement row (taken after the partner row, by every use case). */
    public Optional<Agreement> findForUpdate(UUID id) {
        return load(id, true);
    }

    private Optional<Agreement> load(UUID id, boolean lock) {
        List<UUID> partner = jdbc.queryForList("select partner_id from agreement where id = ?"
                + (lock ? " for update" : ""), UUID.class, id);
        if (partner.isEmpty()) {
            return Optional.empty();
        }
        List<AgreementVersion> versions = jdbc.query("select * from agreement_version where agreement_id = ? "
                + "order by version", Agreements::version, id);
        return Optional.of(Agreement.restore(id, partner.get(0), versions));
    }

    public static RuleViolation unknown() {
        return RuleViolation.notFound("AGREEMENT_NOT_FOUND", "No such agreement.");
    }

    public List<UUID> idsOf(UUID partnerId) {
        return jdbc.queryForList("select id from agreement where partner_id = ? order by created_at, id", UUID.class,
                partnerId);
    }

    /** The partner's active version, if it has one. */
    public Optional<AgreementVersion> activeVersionOf(UUID partnerId) {
        return jdbc.query("select * from agreement_version where partner_id = ? and status = 'ACTIVE'",
                Agreements::version, partnerId).stream().findFirst();
    }

    boolean hasPendingVersion(UUID partnerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from agreement_version where partner_id = ? and status in ('DRAFT', 'PROPOSED'))
                """, Boolean.class, partnerId));
    }

    boolean hadAgreement(UUID partnerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from agreement_version where partner_id = ? and accepted_at is not null)""",
                Boolean.class, partnerId));
    }

    /** Active versions a date may end (a recorded termination due, or the term over). */
    List<UUID> dueForEnding(LocalDate today) {
        return jdbc.queryForList("""
                select agreement_id from agreement_version
                where status = 'ACTIVE' and (ends_on < ? or termination_effective_on <= ?)""", UUID.class, today,
                today);
    }

    /** Active versions ending within {@code days}, for reminders. */
    List<AgreementVersion> endingWithin(LocalDate today, int days) {
        return jdbc.query("""
                select * from agreement_version where status = 'ACTIVE' and ends_on >= ? and ends_on <= ?""",
                Agreements::version, today, today.plusDays(days));
    }

    static AgreementVersion version(ResultSet rs, int row) throws SQLException {
        Terms terms = new Terms(rs.getString("cooperation_mode"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("rights_and_obligations"),
                rs.getString("confidentiality"), rs.getString("breach_liability"),
                rs.getBigDecimal("commission_rate"), rs.getInt("fulfilment_days"), rs.getInt("api_quota_per_minute"),
                rs.getInt("termination_notice_days"));
        return new AgreementVersion(rs.getObject("agreement_id", UUID.class), rs.getInt("version"),
                rs.getObject("partner_id", UUID.class), AgreementStatus.valueOf(rs.getString("status")), terms,
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "proposed_at"),
                rs.getString("accepted_by"), instant(rs, "accepted_at"), rs.getString("termination_reason"),
                rs.getObject("termination_effective_on", LocalDate.class), instant(rs, "terminated_at"),
                instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
