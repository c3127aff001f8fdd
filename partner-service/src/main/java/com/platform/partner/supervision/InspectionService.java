package com.platform.partner.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.partner.partner.Partner;
import com.platform.partner.partner.PartnerAccess;
import com.platform.partner.partner.PartnerEvents;
import com.platform.partner.partner.Partners;
import com.platform.partner.support.Json;
import com.platform.partner.support.RuleViolation;
import com.platform.starter.audit.AuditTrail;

/**
 * P5: operators' inspections with findings and an optional rectification deadline. A deadline that passes
 * without the rectification recorded makes the inspection overdue (visible, and a
 * {@code partner.rectification-overdue} event, once: the row's {@code overdue_at} is set in the same transaction).
 */
@Service
public class InspectionService {

    private final JdbcTemplate jdbc;
    private final Partners partners;
    private final PartnerEvents events;
    private final Json json;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InspectionService(JdbcTemplate jdbc, Partners partners, PartnerEvents events, Json json, AuditTrail audit,
            TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.events = events;
        this.json = json;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Finding(Severity severity, String description) {
    }

    public record Inspection(UUID id, UUID partnerId, String inspector, List<Finding> findings,
            LocalDate rectificationDueOn, Instant rectifiedAt, Instant overdueAt, boolean overdue,
            Instant createdAt) {
    }

    record Inspected(UUID partnerId, UUID inspectionId, int findings, Severity worstSeverity,
            LocalDate rectificationDueOn, Instant occurredAt) {
    }

    record RectificationOverdue(UUID partnerId, UUID inspectionId, LocalDate rectificationDueOn, Instant occurredAt) {
    }

    Inspection record(UUID partnerId, List<Finding> findings, LocalDate rectificationDueOn) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            Partner partner = partners.getForUpdate(partnerId);
            UUID id = UUID.randomUUID();
            String inspector = com.platform.starter.security.CurrentCaller.get().actor();
            jdbc.update("""
                    insert into inspection (id, partner_id, inspector, findings, rectification_due_on, created_at)
                    values (?, ?, ?, ?::jsonb, ?, ?)""", id, partner.id(), inspector, json.write(findings),
                    rectificationDueOn, Timestamp.from(now));
            Severity worst = findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(null);
            events.partner(partnerId, PartnerEvents.INSPECTED, new Inspected(partnerId, id, findings.size(), worst,
                    rectificationDueOn, now));
            audit.record("partner.inspect", "inspection", id.toString(), null, Map.of("partnerId", partnerId,
                    "findings", findings.size(), "rectificationDueOn", String.valueOf(rectificationDueOn)));
            return find(id).orElseThrow();
        });
    }

    Inspection rectified(UUID partnerId, UUID inspectionId) {
        return transaction.execute(status -> {
            partners.getForUpdate(partnerId);
            Inspection inspection = find(inspectionId).filter(i -> i.partnerId().equals(partnerId))
                    .orElseThrow(InspectionService::unknown);
            if (inspection.rectifiedAt() != null) {
                throw RuleViolation.conflict("ALREADY_RECTIFIED", "The rectification is already recorded.");
            }
            jdbc.update("update inspection set rectified_at = ? where id = ?", Timestamp.from(clock.instant()),
                    inspectionId);
            audit.record("partner.rectification", "inspection", inspectionId.toString(),
                    Map.of("rectified", false), Map.of("rectified", true));
            return find(inspectionId).orElseThrow();
        });
    }

    List<Inspection> ofPartner(UUID partnerId) {
        PartnerAccess.requireOwnOr(partners.get(partnerId), "operator", "risk_officer", "auditor");
        return jdbc.query("select * from inspection where partner_id = ? order by created_at desc", this::map,
                partnerId);
    }

    /** Marks passed deadlines overdue and publishes each once; returns how many. */
    public int markOverdue() {
        LocalDate today = LocalDate.now(clock);
        int marked = 0;
        for (UUID id : jdbc.queryForList("""
                select id from inspection where rectified_at is null and overdue_at is null
                and rectification_due_on < ?""", UUID.class, today)) {
            Boolean done = transaction.execute(status -> {
                UUID partnerId = jdbc.queryForObject("select partner_id from inspection where id = ?", UUID.class, id);
                partners.getForUpdate(partnerId);
                Instant now = clock.instant();
                List<LocalDate> due = jdbc.queryForList("""
                        update inspection set overdue_at = ? where id = ? and overdue_at is null and rectified_at is null
                        returning rectification_due_on""", LocalDate.class, Timestamp.from(now), id);
                if (due.isEmpty()) {
                    return false;
                }
                events.partner(partnerId, PartnerEvents.RECTIFICATION_OVERDUE, new RectificationOverdue(partnerId, id,
                        due.get(0), now));
                audit.recordAs("system:supervision", "partner.rectification-overdue", "inspection", id.toString(),
                        null, Map.of("rectificationDueOn", due.get(0)));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                marked++;
            }
        }
        return marked;
    }

    private java.util.Optional<Inspection> find(UUID id) {
        return jdbc.query("select * from inspection where id = ?", this::map, id).stream().findFirst();
    }

    static RuleViolation unknown() {
        return RuleViolation.notFound("INSPECTION_NOT_FOUND", "No such inspection.");
    }

    private Inspection map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp rectified = rs.getTimestamp("rectified_at");
        Timestamp overdue = rs.getTimestamp("overdue_at");
        LocalDate due = rs.getObject("rectification_due_on", LocalDate.class);
        boolean isOverdue = rectified == null && due != null && due.isBefore(LocalDate.now(clock));
        return new Inspection(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("inspector"), json.readList(rs.getString("findings"), Finding.class), due,
                rectified == null ? null : rectified.toInstant(), overdue == null ? null : overdue.toInstant(),
                isOverdue, rs.getTimestamp("created_at").toInstant());
    }
}
