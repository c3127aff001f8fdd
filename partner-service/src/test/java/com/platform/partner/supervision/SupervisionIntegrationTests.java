package com.platform.partner.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.platform.partner.partner.PartnerEvents;
import com.platform.partner.support.PartnerServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** P5/P6: quality facts from transaction events, inspections, evaluations with their consequences. */
class SupervisionIntegrationTests extends PartnerServiceIntegrationTest {

    private static final String TOPIC = "platform.transactions.v1";

    @Autowired
    InspectionService inspections;

    @Autowired
    EvaluationService evaluations;

    private Map<String, Object> tx(UUID transactionId, UUID partnerId, String status, Object... more) {
        Map<String, Object> data = map("transactionId", transactionId.toString(), "payerId",
                UUID.randomUUID().toString(), "partnerId", partnerId.toString(), "type", "ECOMMERCE", "status", status,
                "amount", Map.of("amount", "100.00", "currency", "CNY"), "occurredAt", clock.instant().toString());
        data.putAll(map(more));
        return data;
    }

    /** A paid transaction fulfilled late, as transaction-service publishes it. */
    private UUID lateFulfilment(UUID partnerId) throws Exception {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        publish(TOPIC, id.toString(), "transaction.created", tx(id, partnerId, "APPROVED"), 1L);
        publish(TOPIC, id.toString(), "transaction.paid", tx(id, partnerId, "PAID", "paidAt", now.toString(),
                "fulfilmentDueAt", now.plusSeconds(60).toString()), 3L);
        publish(TOPIC, id.toString(), "transaction.fulfilled", tx(id, partnerId, "FULFILLED", "fulfilledAt",
                now.plusSeconds(120).toString(), "fulfilmentDueAt", now.plusSeconds(60).toString(), "onTime", false),
                4L);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from quality_transaction where transaction_id = ? and fulfilled_at is not null",
                Long.class, id) == 1);
        return id;
    }

    private void lostDispute(UUID partnerId, UUID transactionId) throws Exception {
        UUID disputeId = UUID.randomUUID();
        Map<String, Object> dispute = map("disputeId", disputeId.toString(), "transactionId",
                transactionId.toString(), "payerId", UUID.randomUUID().toString(), "partnerId", partnerId.toString(),
                "reason", "not delivered", "occurredAt", clock.instant().toString());
        publish(TOPIC, disputeId.toString(), "dispute.opened", dispute, 1L);
        Map<String, Object> resolved = new java.util.HashMap<>(dispute);
        resolved.putAll(map("outcome", "REFUND_FULL", "refundAmount", Map.of("amount", "100.00", "currency", "CNY"),
                "abusive", false));
        publish(TOPIC, disputeId.toString(), "dispute.resolved", resolved, 2L);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from quality_dispute where dispute_id = ? and outcome = 'REFUND_FULL'", Long.class,
                disputeId) == 1);
    }

    private void criticalInspection(UUID partnerId) throws Exception {
        post("/api/v1/partners/" + partnerId + "/inspections", Map.of("findings", List.of(
                Map.of("severity", "CRITICAL", "description", "parcels left outside in the rain"),
                Map.of("severity", "CRITICAL", "description", "tracking data falsified"))), staff("operator"))
                .andExpect(status().isCreated());
    }

    private JsonNode evaluate(UUID partnerId) throws Exception {
        return body(post("/api/v1/partners/" + partnerId + "/evaluations", null, staff("operator"))
                .andExpect(status().isCreated()));
    }

    @Test
    void factsComeOutTheSameWhateverTheOrderAndDuplicatesChangeNothing() throws Exception {
        Signed signed = signed("MERCHANT");
        UUID id = UUID.randomUUID();
        // the full refund (newer) arrives before the partial one (older), and the partial one twice
        publish(TOPIC, id.toString(), "transaction.refunded", tx(id, signed.partnerId(), "REFUNDED",
                "refund", Map.of("amount", "60.00", "currency", "CNY"),
                "refundedAmount", Map.of("amount", "100.00", "currency", "CNY")), 7L);
        String partial = publish(TOPIC, id.toString(), "transaction.partially-refunded", tx(id, signed.partnerId(),
                "PAID", "refund", Map.of("amount", "40.00", "currency", "CNY"),
                "refundedAmount", Map.of("amount", "40.00", "currency", "CNY")), 6L);
        publish(partial, TOPIC, id.toString(), "transaction.partially-refunded", tx(id, signed.partnerId(), "PAID",
                "refundedAmount", Map.of("amount", "40.00", "currency", "CNY")), 6L);
        Instant paidAt = clock.instant();
        publish(TOPIC, id.toString(), "transaction.paid", tx(id, signed.partnerId(), "PAID", "paidAt",
                paidAt.toString(), "fulfilmentDueAt", paidAt.plusSeconds(3600).toString()), 3L);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where consumer = 'partner-service.quality'", Long.class) > 0
                && jdbc.queryForObject("select count(*) from quality_transaction where transaction_id = ? and "
                        + "paid_at is not null", Long.class, id) == 1);
        Map<String, Object> fact = jdbc.queryForMap("select * from quality_transaction where transaction_id = ?", id);
        assertThat(fact.get("refunded_minor")).isEqualTo(10000L);
        assertThat(fact.get("fully_refunded")).isEqualTo(true);
        assertThat(fact.get("partner_id")).isEqualTo(signed.partnerId());
    }

    @Test
    void aGoodPartnerIsGradedAAndItsQuotaRaised() throws Exception {
        Signed signed = signed("MERCHANT", terms(120));
        JsonNode evaluation = evaluate(signed.partnerId());
        assertThat(evaluation.get("grade").asString()).isEqualTo("A");
        assertThat(evaluation.get("score").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(evaluation.at("/breakdown/fulfilment/weight").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(lastOutboxData(PartnerEvents.QUOTA_TOPIC, signed.partnerId(), "partner.quota-set")
                .get("apiQuotaPerMinute").asInt()).isEqualTo(180);
        JsonNode graded = lastOutboxData(PartnerEvents.TOPIC, signed.partnerId(), "partner.graded");
        assertThat(graded.get("grade").asString()).isEqualTo("A");
        assertThat(graded.get("evaluationId").asString()).isEqualTo(evaluation.get("id").asString());
        // history for the partner itself, not for another
        get("/api/v1/partners/" + signed.partnerId() + "/evaluations", partnerToken(signed.partnerId()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].grade").value("A"));
        get("/api/v1/partners/" + signed.partnerId() + "/evaluations", partnerToken(UUID.randomUUID()))
                .andExpect(status().isNotFound());
        get("/internal/v1/partners/" + signed.partnerId() + "/eligibility", bearer(tokens.service()))
                .andExpect(jsonPath("$.grade").value("A"));
    }

    @Test
    void gradeCPutsThePartnerOnProbationAndBarsRenewal() throws Exception {
        Signed signed = signed("MERCHANT");
        lateFulfilment(signed.partnerId());
        criticalInspection(signed.partnerId());
        JsonNode evaluation = evaluate(signed.partnerId());
        assertThat(evaluation.get("grade").asString()).isEqualTo("C");
        assertThat(evaluation.get("consequence").asString()).startsWith("PROBATION");
        get("/api/v1/partners/" + signed.partnerId(), staff("operator"))
                .andExpect(jsonPath("$.status").value("PROBATION"))
                .andExpect(jsonPath("$.probationUntil").value(LocalDate.now(clock).plusDays(30).toString()));
        JsonNode changed = lastOutboxData(PartnerEvents.TOPIC, signed.partnerId(), "partner.status-changed");
        assertThat(changed.get("to").asString()).isEqualTo("PROBATION");
        post("/api/v1/partners/" + signed.partnerId() + "/agreements", terms(50), staff("operator"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RENEWAL_NOT_ALLOWED"));
    }

    @Test
    void gradeDSuspendsThePartnerAndTerminatesItsAgreement() throws Exception {
        Signed signed = signed("MERCHANT");
        UUID transactionId = lateFulfilment(signed.partnerId());
        lostDispute(signed.partnerId(), transactionId);
        criticalInspection(signed.partnerId());
        JsonNode evaluation = evaluate(signed.partnerId());
        assertThat(evaluation.get("grade").asString()).isEqualTo("D");
        assertThat(evaluation.get("consequence").asString()).contains("SUSPENDED").contains("terminated");
        // notice 0 days: the termination takes effect at once
        get("/internal/v1/partners/" + signed.partnerId() + "/eligibility", bearer(tokens.service()))
                .andExpect(jsonPath("$.agreementActive").value(false)).andExpect(jsonPath("$.grade").value("D"));
        assertThat(outboxTypes(PartnerEvents.TOPIC, signed.partnerId())).contains("agreement.terminated");
        assertThat(lastOutboxData(PartnerEvents.QUOTA_TOPIC, signed.partnerId(), "partner.quota-set")
                .get("apiQuotaPerMinute").asInt()).isZero();
        List<String> statuses = jdbc.queryForList("""
                select payload::jsonb->>'to' from outbox_event where aggregate_id = ? and event_type =
                'partner.status-changed' order by aggregate_sequence""", String.class, signed.partnerId().toString());
        assertThat(statuses).containsExactly("ACTIVE", "SUSPENDED", "TERMINATED");
    }

    @Test
    void anOverdueRectificationIsVisibleAndRaisesOneEvent() throws Exception {
        Signed signed = signed("LOGISTICS");
        post("/api/v1/partners/" + signed.partnerId() + "/inspections", Map.of("findings", List.of(Map.of(
                "severity", "MAJOR", "description", "late scans")), "rectificationDueOn",
                LocalDate.now(clock).plusDays(1).toString()), staff("operator")).andExpect(status().isCreated());
        clock.advance(Duration.ofDays(2));
        try {
            assertThat(inspections.markOverdue()).isEqualTo(1);
            assertThat(inspections.markOverdue()).isZero();
            get("/api/v1/partners/" + signed.partnerId() + "/inspections", partnerToken(signed.partnerId()))
                    .andExpect(jsonPath("$[0].overdue").value(true));
        }
        finally {
            clock.advance(Duration.ofDays(-2));
        }
        assertThat(outboxTypes(PartnerEvents.TOPIC, signed.partnerId()).stream()
                .filter("partner.rectification-overdue"::equals)).hasSize(1);
    }

    @Test
    void theQuarterlyRunEvaluatesEachPartnerOncePerQuarter() throws Exception {
        Signed signed = signed("SERVICE_PROVIDER");
        evaluations.evaluateLastQuarter();
        evaluations.evaluateLastQuarter();
        assertThat(jdbc.queryForObject("select count(*) from evaluation where partner_id = ? and kind = 'QUARTERLY'",
                Long.class, signed.partnerId())).isEqualTo(1);
    }

    @Test
    void thePublishedWeightsAreReadable() throws Exception {
        get("/api/v1/partner-evaluation-policy", partnerToken(UUID.randomUUID())).andExpect(status().isOk())
                .andExpect(jsonPath("$.fulfilmentWeight").value(0.30))
                .andExpect(jsonPath("$.gradeA").value(85));
    }
}
