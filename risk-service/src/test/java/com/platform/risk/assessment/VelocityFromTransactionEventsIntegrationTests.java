package com.platform.risk.assessment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R1 velocity refined by transaction-service's events on {@code platform.transactions.v1}: a transaction that ended
 * without money moving (rejected, cancelled) stops counting toward {@code velocity.amount24h} and still counts as
 * an attempt, in whatever order the event and the assessment arrive. The default rule
 * {@code velocity-amount-24h} ({@code velocity.amount24h + tx.amount > 100000.0}) shows what a rule sees.
 */
class VelocityFromTransactionEventsIntegrationTests extends RiskServiceIntegrationTest {

    private static final String AMOUNT_RULE = "velocity-amount-24h";

    /** An enterprise (L3) payer: 60,000 and 40,000.01 fire no amount limit, only the day's velocity together. */
    private UUID enterprisePayer() {
        return payer(3, "ACTIVE", Duration.ofDays(400));
    }

    @Test
    void aCancelledTransactionStopsCountingTowardTheAmountButStillCountsAsAnAttempt() throws Exception {
        UUID payer = enterprisePayer();
        UUID partner = goodPartner();
        JsonNode first = assess(payer, partner, "60000.00");
        assertThat(first.get("decision").asString()).isEqualTo("APPROVE");
        String transactionId = transactionOf(first);
        transactionEvent("transaction.created", transactionId, payer, partner, "APPROVED", 1);
        transactionEvent("transaction.cancelled", transactionId, payer, partner, "CANCELLED", 2);

        JsonNode second = assess(payer, partner, "40000.01");
        assertThat(firedNames(second)).doesNotContain(AMOUNT_RULE);
        assertThat(second.get("decision").asString()).isEqualTo("APPROVE");
        JsonNode facts = facts(second);
        assertThat(facts.get("velocity.amount24h").asDouble()).isZero();
        assertThat(facts.get("velocity.count1h").asInt()).isEqualTo(1);
        assertThat(facts.get("velocity.count24h").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select outcome from transaction_outcome where transaction_id = ?::uuid",
                String.class, transactionId)).isEqualTo("CANCELLED");
    }

    @Test
    void withoutSuchAnEventTheSameTransactionsFireTheAmountRule() throws Exception {
        UUID payer = enterprisePayer();
        UUID partner = goodPartner();
        assess(payer, partner, "60000.00");
        JsonNode second = assess(payer, partner, "40000.01");
        assertThat(firedNames(second)).containsExactly(AMOUNT_RULE);
        assertThat(facts(second).get("velocity.amount24h").asDouble()).isEqualTo(60000.0);
    }

    @Test
    void aRejectionThatArrivesBeforeItsAssessmentIsKeptAndAppliedWhenTheAssessmentIsStored() throws Exception {
        UUID payer = enterprisePayer();
        UUID partner = goodPartner();
        Map<String, Object> request = assessment(payer, partner, "60000.00");
        String transactionId = (String) request.get("transactionId");
        transactionEvent("transaction.rejected", transactionId, payer, partner, "REJECTED", 3);
        assertThat(jdbc.queryForObject("select count(*) from transaction_outcome where transaction_id = ?::uuid",
                Long.class, transactionId)).isEqualTo(1);

        // the late assessment itself is decided as any other (the rejection says nothing about its facts)
        assertThat(assess(request).get("decision").asString()).isEqualTo("APPROVE");
        JsonNode next = assess(payer, partner, "40000.01");
        assertThat(firedNames(next)).doesNotContain(AMOUNT_RULE);
        assertThat(facts(next).get("velocity.amount24h").asDouble()).isZero();
        assertThat(facts(next).get("velocity.count1h").asInt()).isEqualTo(1);
    }

    @Test
    void aTransactionCreatedRejectedStopsCountingEvenWithoutItsRejectedEvent() throws Exception {
        UUID payer = enterprisePayer();
        UUID partner = goodPartner();
        String transactionId = transactionOf(assess(payer, partner, "60000.00"));
        transactionEvent("transaction.created", transactionId, payer, partner, "REJECTED", 1);
        JsonNode next = assess(payer, partner, "40000.01");
        assertThat(firedNames(next)).doesNotContain(AMOUNT_RULE);
        assertThat(facts(next).get("velocity.amount24h").asDouble()).isZero();
    }

    @Test
    void aFailedPaymentLeavesTheTransactionPayableSoItKeepsCounting() throws Exception {
        UUID payer = enterprisePayer();
        UUID partner = goodPartner();
        String transactionId = transactionOf(assess(payer, partner, "60000.00"));
        transactionEvent("transaction.confirmed", transactionId, payer, partner, "CONFIRMED", 2);
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("transactionId", transactionId);
        failed.put("paymentId", UUID.randomUUID().toString());
        failed.put("payerId", payer.toString());
        failed.put("partnerId", partner.toString());
        failed.put("method", "BANK_CARD");
        failed.put("reason", "DECLINED");
        failed.put("occurredAt", now().toString());
        awaitProcessed(TransactionOutcomesListener.CONSUMER,
                publish(TransactionOutcomesListener.TOPIC, transactionId, "payment.failed", 3L, failed));

        JsonNode next = assess(payer, partner, "40000.01");
        assertThat(firedNames(next)).containsExactly(AMOUNT_RULE);
        assertThat(facts(next).get("velocity.amount24h").asDouble()).isEqualTo(60000.0);
        assertThat(jdbc.queryForObject("select count(*) from transaction_outcome where transaction_id = ?::uuid",
                Long.class, transactionId)).isZero();
    }

    @Test
    void aTransactionRiskServiceRejectedItselfCountsAsAnAttemptOnly() throws Exception {
        UUID payer = payer(1, "ACTIVE", Duration.ofDays(400));
        UUID partner = goodPartner();
        Map<String, Object> financial = assessment(payer, partner, "1500.00");
        financial.put("type", "FINANCIAL");
        assertThat(assess(financial).get("decision").asString()).isEqualTo("REJECT");

        JsonNode next = assess(payer, partner, "10.00");
        assertThat(facts(next).get("velocity.count1h").asInt()).isEqualTo(1);
        assertThat(facts(next).get("velocity.amount24h").asDouble()).isZero();
    }

    @Test
    void anEventAboutATransactionNeverAssessedChangesNoVelocity() throws Exception {
        UUID payer = enterprisePayer();
        UUID partner = goodPartner();
        assess(payer, partner, "60000.00");
        String unknown = UUID.randomUUID().toString();
        transactionEvent("transaction.cancelled", unknown, payer, partner, "CANCELLED", 2);

        JsonNode next = assess(payer, partner, "40000.01");
        assertThat(firedNames(next)).containsExactly(AMOUNT_RULE);
        assertThat(facts(next).get("velocity.amount24h").asDouble()).isEqualTo(60000.0);
        assertThat(facts(next).get("velocity.count1h").asInt()).isEqualTo(1);
    }

    @Test
    void cancelledAttemptsStillFireTheHourlyCountRule() throws Exception {
        UUID payer = goodPayer();
        UUID partner = goodPartner();
        for (int i = 0; i < 10; i++) {
            String transactionId = transactionOf(assess(payer, partner, "10.00"));
            transactionEvent("transaction.cancelled", transactionId, payer, partner, "CANCELLED", 2);
        }
        JsonNode eleventh = assess(payer, partner, "10.00");
        assertThat(firedNames(eleventh)).containsExactly("velocity-count-1h");
        assertThat(facts(eleventh).get("velocity.count1h").asInt()).isEqualTo(10);
        assertThat(facts(eleventh).get("velocity.amount24h").asDouble()).isZero();
    }

    // --- helpers

    private static String transactionOf(JsonNode assessed) {
        return assessed.get("transactionId").asString();
    }

    private JsonNode facts(JsonNode assessed) throws Exception {
        return body(get("/api/v1/risk/assessments/" + assessed.get("assessmentId").asString(), risk1())
                .andExpect(status().isOk())).get("facts");
    }

    /** A {@code transaction.*} event with the fields every one carries (transaction-service's README). */
    private void transactionEvent(String type, String transactionId, UUID payer, UUID partner, String status,
            long sequence) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", transactionId);
        data.put("payerId", payer.toString());
        data.put("partnerId", partner.toString());
        data.put("type", "ECOMMERCE");
        data.put("status", status);
        data.put("amount", Map.of("amount", "1.00", "currency", "CNY"));
        data.put("occurredAt", now().toString());
        if (!type.equals("transaction.created")) {
            data.put("reason", "test");
        }
        awaitProcessed(TransactionOutcomesListener.CONSUMER,
                publish(TransactionOutcomesListener.TOPIC, transactionId, type, sequence, data));
    }
}
