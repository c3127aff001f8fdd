package com.platform.risk.assessment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** R1 through the internal API, with the default rule set seeded by the migration. */
class AssessmentIntegrationTests extends RiskServiceIntegrationTest {

    @Test
    void anOrdinaryTransactionOfAKnownPayerAtAnActivePartnerIsApproved() throws Exception {
        JsonNode assessed = assess(goodPayer(), goodPartner(), "120.50");
        assertThat(assessed.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(assessed.get("score").asInt()).isZero();
        assertThat(assessed.get("firedRules")).isEmpty();
        assertThat(assessed.get("caseId").isNull()).isTrue();
        assertThat(assessed.get("assessmentId").asString()).isNotBlank();
    }

    @Test
    void aPayerAndPartnerTheViewsDoNotKnowAreReviewedNeverApproved() throws Exception {
        JsonNode assessed = assess(UUID.randomUUID(), UUID.randomUUID(), "10.00");
        assertThat(assessed.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(assessed.get("caseId").isNull()).isFalse();
        JsonNode explained = body(get("/api/v1/risk/assessments/" + assessed.get("assessmentId").asString(),
                staff("auditor")).andExpect(status().isOk()));
        assertThat(explained.get("reasons").toString()).contains("UNKNOWN_PAYER", "UNKNOWN_PARTNER");
        assertThat(explained.get("facts").get("payer.status").asString()).isEqualTo("UNKNOWN");
        assertThat(explained.get("facts").get("payer.accountAgeDays").asInt()).isZero();
    }

    @Test
    void aRepeatForTheSameTransactionReturnsTheStoredAssessment() throws Exception {
        Map<String, Object> request = assessment(goodPayer(), goodPartner(), "99.00");
        JsonNode first = assess(request);
        JsonNode again = assess(request);
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from assessment where transaction_id = ?::uuid", Long.class,
                request.get("transactionId"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'risk.assessed' "
                + "and aggregate_id = ?", Long.class, first.get("assessmentId").asString())).isEqualTo(1);
    }

    @Test
    void amountLimitsDependOnTheVerificationLevel() throws Exception {
        UUID partner = goodPartner();
        JsonNode l1 = assess(payer(1, "ACTIVE", Duration.ofDays(400)), partner, "3000.00");
        assertThat(l1.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(firedNames(l1)).containsExactly("amount-limit-unverified");
        JsonNode l2 = assess(goodPayer(), partner, "3000.00");
        assertThat(l2.get("decision").asString()).isEqualTo("APPROVE");
    }

    @Test
    void aFinancialTransactionBelowL2IsRejected() throws Exception {
        Map<String, Object> request = assessment(payer(1, "ACTIVE", Duration.ofDays(400)), goodPartner(), "10.00");
        request.put("type", "FINANCIAL");
        JsonNode assessed = assess(request);
        assertThat(assessed.get("decision").asString()).isEqualTo("REJECT");
        assertThat(firedNames(assessed)).contains("financial-needs-real-name");
        JsonNode fired = assessed.get("firedRules").get(0);
        assertThat(fired.get("version").asInt()).isEqualTo(1);
        assertThat(fired.get("action").asString()).isEqualTo("REJECT");
    }

    @Test
    void theTenthTransactionWithinAnHourIsReviewed() throws Exception {
        UUID payer = goodPayer();
        UUID partner = goodPartner();
        for (int i = 0; i < 10; i++) {
            assertThat(assess(payer, partner, "10.00").get("decision").asString()).isEqualTo("APPROVE");
        }
        JsonNode eleventh = assess(payer, partner, "10.00");
        assertThat(firedNames(eleventh)).containsExactly("velocity-count-1h");
        assertThat(eleventh.get("decision").asString()).isEqualTo("REVIEW");
        JsonNode explained = body(get("/api/v1/risk/assessments/" + eleventh.get("assessmentId").asString(),
                risk1()));
        assertThat(explained.get("facts").get("velocity.count1h").asInt()).isEqualTo(10);
        assertThat(explained.get("facts").get("velocity.amount24h").asDouble()).isEqualTo(100.0);
    }

    @Test
    void theAmountOfADayCountsWithThisTransaction() throws Exception {
        UUID payer = payer(3, "ACTIVE", Duration.ofDays(400));
        UUID partner = goodPartner();
        assertThat(assess(payer, partner, "60000.00").get("decision").asString()).isEqualTo("APPROVE");
        JsonNode second = assess(payer, partner, "40000.01");
        assertThat(firedNames(second)).containsExactly("velocity-amount-24h");
    }

    @Test
    void aNewAccountAddsScoreAndALargeFirstPaymentIsReviewed() throws Exception {
        UUID partner = goodPartner();
        JsonNode small = assess(payer(2, "ACTIVE", Duration.ofHours(2)), partner, "100.00");
        assertThat(small.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(small.get("score").asInt()).isEqualTo(10);
        assertThat(firedNames(small)).containsExactly("new-account");
        JsonNode large = assess(payer(2, "ACTIVE", Duration.ofHours(2)), partner, "800.00");
        assertThat(large.get("decision").asString()).isEqualTo("REVIEW");
    }

    @Test
    void watchlistHitsRaiseTheDecisionWhileInForce() throws Exception {
        UUID payer = goodPayer();
        UUID partner = goodPartner();
        postJson("/api/v1/risk/watchlist", Map.of("kind", "IP", "value", "203.0.113.7", "reason", "botnet"),
                risk1()).andExpect(status().isCreated());
        Map<String, Object> request = assessment(payer, partner, "10.00");
        request.put("ip", "203.0.113.7");
        JsonNode byIp = assess(request);
        assertThat(byIp.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(firedNames(byIp)).containsExactly("watchlisted-device-or-ip");

        postJson("/api/v1/risk/watchlist", Map.of("kind", "USER", "value", payer.toString(), "reason", "mule",
                "expiresAt", now().plus(Duration.ofMinutes(30)).toString()), risk1()).andExpect(status().isCreated());
        assertThat(assess(payer, partner, "10.00").get("decision").asString()).isEqualTo("REJECT");
        clock.advance(Duration.ofHours(1));
        try {
            assertThat(assess(payer, partner, "10.00").get("decision").asString()).isEqualTo("APPROVE");
        }
        finally {
            clock.advance(Duration.ofHours(-1));
        }
    }

    @Test
    void aDocumentAndADeviceOnTheWatchlistAreMatched() throws Exception {
        String device = "device-" + UUID.randomUUID();
        String document = "doc-" + UUID.randomUUID();
        postJson("/api/v1/risk/watchlist", Map.of("kind", "DEVICE", "value", device, "reason", "stolen phone"),
                risk1()).andExpect(status().isCreated());
        postJson("/api/v1/risk/watchlist", Map.of("kind", "DOCUMENT", "value", document, "reason", "forged"),
                risk1()).andExpect(status().isCreated());
        Map<String, Object> request = assessment(goodPayer(), goodPartner(), "10.00");
        request.put("deviceId", device);
        assertThat(assess(request).get("decision").asString()).isEqualTo("REVIEW");
        request = assessment(goodPayer(), goodPartner(), "10.00");
        request.put("documentRef", document);
        assertThat(assess(request).get("decision").asString()).isEqualTo("REJECT");
    }

    @Test
    void aPartnerGradedDOrNotActiveIsRejected() throws Exception {
        assertThat(firedNames(assess(goodPayer(), partner("ACTIVE", "D"), "10.00"))).containsExactly("partner-grade-d");
        assertThat(assess(goodPayer(), partner("SUSPENDED", "B"), "10.00").get("decision").asString())
                .isEqualTo("REJECT");
        JsonNode probation = assess(goodPayer(), partner("PROBATION", null), "10.00");
        assertThat(probation.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(firedNames(probation)).containsExactly("partner-watch");
    }

    @Test
    void aPayerWithAnActiveViolationIsReviewedAndARestrictedOneRejected() throws Exception {
        UUID payer = goodPayer();
        jdbc.update("insert into payer_violation (violation_id, user_id, recorded_at) values (?, ?, now())",
                UUID.randomUUID(), payer);
        assertThat(assess(payer, goodPartner(), "10.00").get("decision").asString()).isEqualTo("REVIEW");
        assertThat(assess(payer(2, "RESTRICTED", Duration.ofDays(400)), goodPartner(), "10.00").get("decision")
                .asString()).isEqualTo("REJECT");
    }

    @Test
    void theStoredDecisionExplainsItselfWithFactsRuleVersionsAndOutcomes() throws Exception {
        JsonNode assessed = assess(payer(1, "ACTIVE", Duration.ofDays(400)), goodPartner(), "2500.00");
        JsonNode explained = body(get("/api/v1/risk/assessments/" + assessed.get("assessmentId").asString(),
                risk1()).andExpect(status().isOk()));
        assertThat(explained.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(explained.get("amount").get("amount").asString()).isEqualTo("2500.00");
        assertThat(explained.get("facts").get("tx.amount").asDouble()).isEqualTo(2500.0);
        assertThat(explained.get("facts").get("payer.level").asInt()).isEqualTo(1);
        assertThat(explained.get("liveOutcomes").size()).isGreaterThanOrEqualTo(17);
        for (JsonNode outcome : explained.get("liveOutcomes")) {
            assertThat(outcome.get("version").asInt()).isPositive();
            assertThat(outcome.get("outcome").asString()).isIn("HIT", "NO_HIT", "ERROR");
        }
        assertThat(explained.get("policy").get("reviewScore").asInt()).isEqualTo(50);
        assertThat(explained.get("caseId").asString()).isEqualTo(assessed.get("caseId").asString());
    }

    @Test
    void everyAssessmentIsPublished() throws Exception {
        JsonNode assessed = assess(goodPayer(), goodPartner(), "42.00");
        String id = assessed.get("assessmentId").asString();
        List<JsonNode> events = riskEvents(id, found -> !found.isEmpty());
        JsonNode event = events.get(0);
        assertThat(event.get("type").asString()).isEqualTo("risk.assessed");
        assertThat(event.get("subject").asString()).isEqualTo(id);
        JsonNode data = event.get("data");
        assertThat(data.get("assessmentId").asString()).isEqualTo(id);
        assertThat(data.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(data.get("amount").get("amount").asString()).isEqualTo("42.00");
        assertThat(data.get("amount").get("currency").asString()).isEqualTo("CNY");
        assertThat(data.has("transactionId") && data.has("payerId") && data.has("partnerId") && data.has("type")
                && data.has("score") && data.has("occurredAt")).isTrue();
    }

    @Test
    void anUnknownAssessmentIs404() throws Exception {
        get("/api/v1/risk/assessments/" + UUID.randomUUID(), risk1()).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_FOUND"));
    }

    @Test
    void concurrentAssessmentsOfOnePayerSeeEachOtherInTheVelocity() throws Exception {
        UUID payer = goodPayer();
        UUID partner = goodPartner();
        // one instant for all: velocity counts the assessments that are earlier or simultaneous by occurredAt
        String occurredAt = now().toString();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> request = assessment(payer, partner, "10.00");
            request.put("occurredAt", occurredAt);
            requests.add(request);
        }
        List<JsonNode> assessed = concurrently(requests);
        List<Integer> seen = new ArrayList<>();
        for (JsonNode a : assessed) {
            seen.add(body(get("/api/v1/risk/assessments/" + a.get("assessmentId").asString(), risk1()))
                    .get("facts").get("velocity.count1h").asInt());
        }
        // serialised by the payer's lock: each saw all that committed before it, none missed another
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void concurrentRepeatsOfOneTransactionAreAssessedOnce() throws Exception {
        Map<String, Object> request = assessment(goodPayer(), goodPartner(), "12.00");
        List<JsonNode> assessed = concurrently(List.of(request, request, request, request));
        assertThat(assessed).extracting(a -> a.get("assessmentId").asString()).containsOnly(
                assessed.get(0).get("assessmentId").asString());
        assertThat(jdbc.queryForObject("select count(*) from assessment where transaction_id = ?::uuid", Long.class,
                request.get("transactionId"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'risk.assessed' "
                + "and aggregate_id = ?", Long.class, assessed.get(0).get("assessmentId").asString())).isEqualTo(1);
    }

    private List<JsonNode> concurrently(List<Map<String, Object>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonNode>> runs = new ArrayList<>();
            for (Map<String, Object> request : requests) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return assess(request);
                }));
            }
            start.countDown();
            List<JsonNode> results = new ArrayList<>();
            for (Future<JsonNode> run : runs) {
                results.add(run.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
