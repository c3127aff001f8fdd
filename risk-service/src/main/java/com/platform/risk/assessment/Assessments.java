package com.platform.risk.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.RuleOutcome;

/** Stored assessments; rows (and their JSON columns) are mapped here only. */
@Repository
public class Assessments {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<RuleOutcome>> OUTCOMES = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Assessments(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Assessment> find(UUID id) {
        return jdbc.query("select * from assessment where id = ?", this::assessment, id).stream().findFirst();
    }

    Optional<Assessment> findByTransaction(UUID transactionId) {
        return jdbc.query("select * from assessment where transaction_id = ?", this::assessment, transactionId)
                .stream().findFirst();
    }

    /** Serialises concurrent assessments of one payer, so each sees the others in its velocity. */
    void lockPayer(UUID payerId) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 7))", Object.class,
                "risk-payer:" + payerId);
    }

    /**
     * The payer's earlier assessments (by {@code occurredAt}): how many in the last hour and day, and the amount in
     * this currency in the last day of those whose transaction may still move money. A transaction stops counting
     * toward the amount (never toward the counts: every attempt is a signal) once it has ended without money
     * moving: risk-service rejected it itself, or transaction-service reported it rejected or cancelled
     * ({@code transaction_outcome}, kept from the events whether they arrive before or after the assessment).
     */
    Velocity velocity(UUID payerId, String currency, Instant at) {
        return jdbc.queryForObject("""
                select count(*) filter (where a.occurred_at > ?),
                       count(*),
                       coalesce(sum(a.amount_minor) filter (where a.currency = ? and a.decision <> 'REJECT'
                                                            and o.transaction_id is null), 0)
                from assessment a
                left join transaction_outcome o on o.transaction_id = a.transaction_id
                where a.payer_id = ? and a.occurred_at > ? and a.occurred_at <= ?
                """, (rs, i) -> new Velocity(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                Timestamp.from(at.minusSeconds(3600)), currency, payerId, Timestamp.from(at.minusSeconds(86400)),
                Timestamp.from(at));
    }

    /**
     * Records that a transaction ended without money moving; the first such event per transaction stands (both
     * states are final in transaction-service). Applied by the velocity query whenever the assessment is stored.
     *
     * @return false if the transaction's outcome was already recorded
     */
    boolean recordEndedWithoutPayment(UUID transactionId, String outcome, String eventId, String eventType,
            Instant occurredAt, Instant recordedAt) {
        return jdbc.update("""
                insert into transaction_outcome (transaction_id, outcome, event_id, event_type, occurred_at,
                                                 recorded_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (transaction_id) do nothing
                """, transactionId, outcome, eventId, eventType, Timestamp.from(occurredAt),
                Timestamp.from(recordedAt)) == 1;
    }

    record Velocity(long count1h, long count24h, long amountMinor24h) {
    }

    /** @return false if the transaction was assessed meanwhile (nothing written) */
    boolean insert(Assessment a) {
        AssessmentRequest r = a.request();
        int inserted = jdbc.update("""
                insert into assessment (id, transaction_id, type, payer_id, partner_id, amount_minor, currency,
                    occurred_at, ip, device_id, document_ref, decision, score, payer_known, partner_known, facts,
                    live_outcomes, shadow_outcomes, reasons, policy, case_id, assessed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb,
                        ?, ?)
                on conflict (transaction_id) do nothing
                """, a.id(), r.transactionId(), r.type().name(), r.payerId(), r.partnerId(), r.amount().minor(),
                r.amount().currency(), Timestamp.from(r.occurredAt()), r.ip(), r.deviceId(), r.documentRef(),
                a.decision().name(), a.score(), a.payerKnown(), a.partnerKnown(), json.writeValueAsString(a.facts()),
                json.writeValueAsString(a.liveOutcomes()), json.writeValueAsString(a.shadowOutcomes()),
                json.writeValueAsString(a.reasons()), policyJson(a.policy()), a.caseId(),
                Timestamp.from(a.assessedAt()));
        return inserted == 1;
    }

    /** The policy of the last insert, serialised: the service passes the same snapshot with every assessment. */
    private volatile PolicyJson lastPolicy;

    private record PolicyJson(Map<String, Object> policy, String json) {
    }

    private String policyJson(Map<String, Object> policy) {
        PolicyJson last = lastPolicy;
        if (last != null && last.policy() == policy) {
            return last.json();
        }
        String written = json.writeValueAsString(policy);
        lastPolicy = new PolicyJson(policy, written);
        return written;
    }

    /** Stored assessments of a period, newest first, for replaying a draft rule over them. */
    public List<Assessment> assessedBetween(Instant from, Instant to, int limit) {
        return jdbc.query("select * from assessment where assessed_at >= ? and assessed_at < ? "
                + "order by assessed_at desc limit ?", this::assessment, Timestamp.from(from), Timestamp.from(to),
                limit);
    }

    private Assessment assessment(ResultSet rs, int row) throws SQLException {
        String ip = rs.getString("ip");
        AssessmentRequest request = new AssessmentRequest(rs.getObject("transaction_id", UUID.class),
                AssessmentRequest.TransactionType.valueOf(rs.getString("type")), rs.getObject("payer_id", UUID.class),
                rs.getObject("partner_id", UUID.class), new Money(rs.getLong("amount_minor"),
                        rs.getString("currency")), rs.getTimestamp("occurred_at").toInstant(), ip,
                rs.getString("device_id"), rs.getString("document_ref"));
        return new Assessment(rs.getObject("id", UUID.class), request, Action.valueOf(rs.getString("decision")),
                rs.getInt("score"), rs.getBoolean("payer_known"), rs.getBoolean("partner_known"),
                json.readValue(rs.getString("facts"), MAP), json.readValue(rs.getString("live_outcomes"), OUTCOMES),
                json.readValue(rs.getString("shadow_outcomes"), OUTCOMES),
                json.readValue(rs.getString("reasons"), STRINGS), json.readValue(rs.getString("policy"), MAP),
                rs.getObject("case_id", UUID.class), rs.getTimestamp("assessed_at").toInstant());
    }
}
