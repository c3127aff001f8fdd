package com.platform.partner.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.partner.agreement.AgreementService;
import com.platform.partner.partner.Grade;
import com.platform.partner.partner.Partner;
import com.platform.partner.partner.PartnerAccess;
import com.platform.partner.partner.PartnerEvents;
import com.platform.partner.partner.Partners;
import com.platform.partner.support.Json;
import com.platform.starter.audit.AuditTrail;

/**
 * P6: evaluation on demand and quarterly, kept as history, with its consequence applied and published in the same
 * transaction: A rewarded (its quota raised, see QuotaPolicy; a probation ends), B normal (a probation ends),
 * C probation with a rectification deadline, D suspended and its agreement terminated per its terms (effective
 * after its notice). Every evaluation writes the partner's quota for the gateway. Lock order: the partner row,
 * then its agreement, then the audit entry. The quarterly run is safe on several instances: one quarterly
 * evaluation per partner and quarter (a unique index), the loser of a race rolls back.
 */
@Service
public class EvaluationService {

    private final JdbcTemplate jdbc;
    private final Partners partners;
    private final PartnerEvents events;
    private final AgreementService agreements;
    private final EvaluationPolicy policy;
    private final Json json;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EvaluationService(JdbcTemplate jdbc, Partners partners, PartnerEvents events, AgreementService agreements,
            EvaluationPolicy policy, Json json, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.events = events;
        this.agreements = agreements;
        this.policy = policy;
        this.json = json;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public enum Kind { ON_DEMAND, QUARTERLY }

    public record Period(LocalDate start, LocalDate end) {
    }

    public record Evaluation(UUID id, UUID partnerId, Kind kind, Period period, java.math.BigDecimal score,
            Grade grade, Map<String, Object> breakdown, String consequence, String evaluatedBy, Instant createdAt) {
    }

    record Graded(UUID partnerId, UUID evaluationId, java.math.BigDecimal score, Grade grade, LocalDate periodStart,
            LocalDate periodEnd, Instant occurredAt) {
    }

    Evaluation evaluateNow(UUID partnerId, Period period) {
        return transaction.execute(status -> evaluate(partnerId, period, Kind.ON_DEMAND,
                com.platform.starter.security.CurrentCaller.get().actor()));
    }

    /** The previous quarter of every active or probation partner not yet evaluated for it; returns how many. */
    public int evaluateLastQuarter() {
        LocalDate today = LocalDate.now(clock);
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        Period period = new Period(quarterStart.minusMonths(3), quarterStart.minusDays(1));
        int evaluated = 0;
        for (UUID partnerId : partners.evaluable()) {
            Boolean exists = jdbc.queryForObject("""
                    select exists (select 1 from evaluation where partner_id = ? and kind = 'QUARTERLY'
                                   and period_start = ? and period_end = ?)""", Boolean.class, partnerId,
                    period.start(), period.end());
            if (Boolean.TRUE.equals(exists)) {
                continue;
            }
            try {
                transaction.execute(status -> evaluate(partnerId, period, Kind.QUARTERLY, "system:quarterly-evaluation"));
                evaluated++;
            }
            catch (DuplicateKeyException e) {
                // another instance evaluated this partner for this quarter first
            }
        }
        return evaluated;
    }

    private Evaluation evaluate(UUID partnerId, Period period, Kind kind, String actor) {
        Instant now = clock.instant();
        Partner partner = partners.getForUpdate(partnerId);
        Grade before = partner.grade();
        EvaluationPolicy.Result result = policy.evaluate(facts(partnerId, period));
        UUID id = UUID.randomUUID();
        String consequence = consequence(partner, result.grade(), now);
        jdbc.update("""
                insert into evaluation (id, partner_id, kind, period_start, period_end, score, grade, breakdown,
                                        consequence, evaluated_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", id, partnerId, kind.name(), period.start(),
                period.end(), result.score(), result.grade().name(), json.write(result.breakdown()), consequence,
                actor, Timestamp.from(now));
        events.partner(partnerId, PartnerEvents.GRADED, new Graded(partnerId, id, result.score(), result.grade(),
                period.start(), period.end(), now));
        agreements.publishQuota(partner, now);
        audit.recordAs(actor, "partner.evaluate", "partner", partnerId.toString(),
                Map.of("grade", String.valueOf(before)), Map.of("evaluationId", id, "score", result.score(),
                        "grade", result.grade(), "consequence", consequence));
        return new Evaluation(id, partnerId, kind, period, result.score(), result.grade(), result.breakdown(),
                consequence, actor, now);
    }

    private String consequence(Partner partner, Grade grade, Instant now) {
        partner.graded(grade, now);
        String reason = "evaluation graded " + grade;
        String consequence;
        switch (grade) {
            case A, B -> {
                partner.recovered(reason, now).ifPresent(change -> events.statusChanged(partner, change, now));
                consequence = grade == Grade.A ? "REWARDED: API quota raised" : "NORMAL";
            }
            case C -> {
                LocalDate until = LocalDate.now(clock).plusDays(policy.probationDays());
                partner.probation(until, reason + ": rectify by " + until, now)
                        .ifPresent(change -> events.statusChanged(partner, change, now));
                consequence = "PROBATION: rectify by " + until;
            }
            default -> {
                partner.suspend(reason, now).ifPresent(change -> events.statusChanged(partner, change, now));
                partners.update(partner);
                var terminated = agreements.terminateForGradeD(partner, reason, now);
                consequence = "SUSPENDED" + terminated.map(v -> "; agreement " + v.agreementId()
                        + " terminated effective " + v.terminationEffectiveOn()).orElse("");
            }
        }
        partners.update(partner);
        return consequence;
    }

    EvaluationPolicy.Facts facts(UUID partnerId, Period period) {
        Timestamp from = Timestamp.from(period.start().atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = Timestamp.from(period.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<String, Object> tx = jdbc.queryForMap("""
                select count(*) filter (where paid_at >= ? and paid_at < ?) as paid,
                       count(*) filter (where paid_at >= ? and paid_at < ?
                                         and (fulfilled_at is not null or fulfilment_due_at < ?)) as paid_due,
                       count(*) filter (where paid_at >= ? and paid_at < ? and fulfilled_at is not null) as fulfilled,
                       count(*) filter (where paid_at >= ? and paid_at < ? and on_time) as on_time,
                       count(*) filter (where paid_at >= ? and paid_at < ? and refunded_minor > 0) as refunded
                from quality_transaction where partner_id = ?""", from, to, from, to, to, from, to, from, to, from,
                to, partnerId);
        Map<String, Object> disputes = jdbc.queryForMap("""
                select count(*) as opened,
                       count(*) filter (where outcome in ('REFUND_FULL', 'REFUND_PARTIAL')) as lost
                from quality_dispute where partner_id = ? and opened_at >= ? and opened_at < ?""", partnerId, from,
                to);
        List<String> findings = jdbc.queryForList("""
                select f->>'severity' from inspection, jsonb_array_elements(findings) f
                where partner_id = ? and created_at >= ? and created_at < ?""", String.class, partnerId, from, to);
        Long overdue = jdbc.queryForObject("""
                select count(*) from inspection where partner_id = ? and rectification_due_on <= ?
                and (rectified_at is null or rectified_at > (rectification_due_on + 1)::timestamptz)""", Long.class,
                partnerId, period.end());
        return new EvaluationPolicy.Facts(n(tx, "paid_due"), n(tx, "fulfilled"), n(tx, "on_time"),
                n(tx, "refunded"), n(disputes, "opened"), n(disputes, "lost"),
                findings.stream().filter("MINOR"::equals).count(), findings.stream().filter("MAJOR"::equals).count(),
                findings.stream().filter("CRITICAL"::equals).count(), overdue == null ? 0 : overdue, n(tx, "paid"));
    }

    private static long n(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    List<Evaluation> history(UUID partnerId) {
        PartnerAccess.requireOwnOr(partners.get(partnerId), "operator", "auditor", "risk_officer");
        return jdbc.query("select * from evaluation where partner_id = ? order by created_at desc", (rs, i) ->
                new Evaluation(rs.getObject("id", UUID.class), partnerId, Kind.valueOf(rs.getString("kind")),
                        new Period(rs.getObject("period_start", LocalDate.class),
                                rs.getObject("period_end", LocalDate.class)), rs.getBigDecimal("score"),
                        Grade.valueOf(rs.getString("grade")), json.read(rs.getString("breakdown"),
                                new tools.jackson.core.type.TypeReference<Map<String, Object>>() { }),
                        rs.getString("consequence"), rs.getString("evaluated_by"),
                        rs.getTimestamp("created_at").toInstant()), partnerId);
    }
}
