package com.platform.risk.facts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The local views of payers and partners (R1: no synchronous call on the assessment path). Consumers set the
 * state the events state (levels, statuses, grades), never deltas, so a repeat converges.
 */
@Repository
public class FactViews {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration violationWindow;

    FactViews(JdbcTemplate jdbc, Clock clock,
            @Value("${risk.views.violation-window:365d}") Duration violationWindow) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.violationWindow = violationWindow;
    }

    /** What the views know about the payer and the partner of one transaction. */
    public record Parties(Optional<PayerFacts> payer, Optional<PartnerFacts> partner) {
    }

    /**
     * Both views in one query (one round trip on the assessment path).
     *
     * @return each empty if no event about that payer / partner has arrived yet; active violations are those not
     *         overturned and recorded within {@code risk.views.violation-window} (365 days) before {@code at}
     */
    public Parties parties(UUID userId, UUID partnerId, Instant at) {
        return jdbc.queryForObject("""
                select p.user_id, p.level, p.status, p.registered_at,
                       (select count(*) from payer_violation v where v.user_id = p.user_id and not v.overturned
                        and (v.recorded_at is null or v.recorded_at > ?)) as violations,
                       q.partner_id, q.type, q.status, q.grade
                from (select 1) as one
                left join payer_view p on p.user_id = ?
                left join partner_view q on q.partner_id = ?
                """, (rs, i) -> {
            Optional<PayerFacts> payer = Optional.empty();
            if (rs.getObject(1) != null) {
                Timestamp registered = rs.getTimestamp(4);
                payer = Optional.of(new PayerFacts((Integer) rs.getObject(2), rs.getString(3),
                        registered == null ? null : registered.toInstant(), rs.getInt(5)));
            }
            Optional<PartnerFacts> partner = rs.getObject(6) == null ? Optional.empty()
                    : Optional.of(new PartnerFacts(rs.getString(7), rs.getString(8), rs.getString(9)));
            return new Parties(payer, partner);
        }, Timestamp.from(at.minus(violationWindow)), userId, partnerId);
    }

    void payerRegistered(UUID userId, Instant registeredAt) {
        jdbc.update("""
                insert into payer_view (user_id, level, status, registered_at, updated_at)
                values (?, 0, 'PENDING_VERIFICATION', ?, ?)
                on conflict (user_id) do update set registered_at = excluded.registered_at,
                                                    updated_at = excluded.updated_at
                """, userId, Timestamp.from(registeredAt), now());
    }

    void payerLevel(UUID userId, int level) {
        jdbc.update("""
                insert into payer_view (user_id, level, updated_at) values (?, ?, ?)
                on conflict (user_id) do update set level = excluded.level, updated_at = excluded.updated_at
                """, userId, level, now());
    }

    void payerStatus(UUID userId, String status) {
        jdbc.update("""
                insert into payer_view (user_id, status, updated_at) values (?, ?, ?)
                on conflict (user_id) do update set status = excluded.status, updated_at = excluded.updated_at
                """, userId, status, now());
    }

    /** A violation recorded; commutes with its appeal's outcome (either may arrive first). */
    void violationRecorded(UUID userId, UUID violationId, Instant recordedAt) {
        jdbc.update("""
                insert into payer_violation (violation_id, user_id, recorded_at) values (?, ?, ?)
                on conflict (violation_id) do update set recorded_at = excluded.recorded_at
                """, violationId, userId, Timestamp.from(recordedAt));
        jdbc.update("insert into payer_view (user_id, updated_at) values (?, ?) on conflict (user_id) do nothing",
                userId, now());
    }

    void violationOverturned(UUID userId, UUID violationId) {
        jdbc.update("""
                insert into payer_violation (violation_id, user_id, overturned) values (?, ?, true)
                on conflict (violation_id) do update set overturned = true
                """, violationId, userId);
    }

    void partnerAdmitted(UUID partnerId, String type) {
        // an admission never overrides a status or grade that a later event already set
        jdbc.update("""
                insert into partner_view (partner_id, type, status, updated_at) values (?, ?, 'ADMITTED', ?)
                on conflict (partner_id) do update set type = coalesce(partner_view.type, excluded.type)
                """, partnerId, type, now());
    }

    void partnerStatus(UUID partnerId, String type, String status) {
        jdbc.update("""
                insert into partner_view (partner_id, type, status, updated_at) values (?, ?, ?, ?)
                on conflict (partner_id) do update set status = excluded.status,
                    type = coalesce(excluded.type, partner_view.type), updated_at = excluded.updated_at
                """, partnerId, type, status, now());
    }

    void partnerGrade(UUID partnerId, String grade) {
        jdbc.update("""
                insert into partner_view (partner_id, grade, updated_at) values (?, ?, ?)
                on conflict (partner_id) do update set grade = excluded.grade, updated_at = excluded.updated_at
                """, partnerId, grade, now());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
