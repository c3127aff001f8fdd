package com.platform.risk.monitoring;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** R5: an indicator crosses its thresholds, raises one alert, escalates it, and people resolve it. */
class MonitoringIntegrationTests extends RiskServiceIntegrationTest {

    @Autowired
    KriComputation computation;

    private String indicator(String metric, String scope, String window, double warning, double critical,
            boolean autoResolve) throws Exception {
        return body(postJson("/api/v1/risk/indicators", Map.of("name", metric + " watch", "metric", metric, "scope",
                scope, "window", window, "warningThreshold", warning, "criticalThreshold", critical, "autoResolve",
                autoResolve), risk1()).andExpect(status().isCreated())).get("id").asString();
    }

    private Map<String, Object> rejected(UUID partner) {
        Map<String, Object> request = assessment(payer(1, "ACTIVE", Duration.ofDays(400)), partner, "10.00");
        request.put("type", "FINANCIAL");
        return request;
    }

    private JsonNode alertsOf(String indicatorId) throws Exception {
        JsonNode page = body(get("/api/v1/risk/alerts?size=100", risk1()).andExpect(status().isOk()));
        JsonNode found = json.createArrayNode();
        for (JsonNode alert : page.get("items")) {
            if (alert.get("indicatorId").asString().equals(indicatorId)) {
                ((tools.jackson.databind.node.ArrayNode) found).add(alert);
            }
        }
        return found;
    }

    private List<MimeMessage> mailsAbout(String alertId) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(alertId)).toList();
    }

    @Test
    void aRejectionRateAboveItsThresholdsRaisesOneAlertThatEscalatesAndIsResolved() throws Exception {
        UUID partner = goodPartner();
        String id = indicator("REJECTION_RATE", "PARTNER:" + partner, "P1D", 0.3, 0.6, false);
        assess(goodPayer(), partner, "10.00");
        assess(rejected(partner));
        Duration moved = Duration.ZERO;
        try {
            computation.computeDue();
            JsonNode alerts = alertsOf(id);
            assertThat(alerts.size()).isEqualTo(1);
            JsonNode alert = alerts.get(0);
            String alertId = alert.get("id").asString();
            assertThat(alert.get("level").asString()).isEqualTo("WARNING");
            assertThat(alert.get("status").asString()).isEqualTo("OPEN");
            assertThat(alert.get("value").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(alert.get("threshold").decimalValue()).isEqualByComparingTo("0.3");
            List<MimeMessage> mails = mailsAbout(alertId);
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).contains("WARNING", "REJECTION_RATE");
            assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo("risk-desk@example.test");

            clock.advance(Duration.ofHours(1));
            moved = moved.plusHours(1);
            computation.computeDue();
            assertThat(alertsOf(id).size()).as("no storm while it stays above").isEqualTo(1);
            assertThat(mailsAbout(alertId)).hasSize(1);

            assess(rejected(partner));
            assess(rejected(partner));
            clock.advance(Duration.ofHours(1));
            moved = moved.plusHours(1);
            computation.computeDue();
            JsonNode escalated = alertsOf(id);
            assertThat(escalated.size()).isEqualTo(1);
            assertThat(escalated.get(0).get("id").asString()).isEqualTo(alertId);
            assertThat(escalated.get(0).get("level").asString()).isEqualTo("CRITICAL");
            assertThat(escalated.get(0).get("value").decimalValue()).isEqualByComparingTo("0.75");
            assertThat(mailsAbout(alertId)).hasSize(2);

            postJson("/api/v1/risk/alerts/" + alertId + "/acknowledgement", null, risk2()).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                    .andExpect(jsonPath("$.acknowledgedBy").value("risk2"));
            postJson("/api/v1/risk/alerts/" + alertId + "/acknowledgement", null, risk1())
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALERT_NOT_OPEN"));
            postJson("/api/v1/risk/alerts/" + alertId + "/resolution", Map.of("resolution",
                    "partner's integration fixed"), risk2()).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("RESOLVED"));
            assertThat(mailsAbout(alertId)).hasSize(3);

            JsonNode values = body(get("/api/v1/risk/indicators/" + id + "/values", risk1())
                    .andExpect(status().isOk()));
            assertThat(values.get("total").asInt()).isEqualTo(3);
            assertThat(values.get("items").get(0).get("value").decimalValue()).isEqualByComparingTo("0.75");

            List<String> types = riskEvents(alertId, found -> found.size() >= 3).stream()
                    .map(e -> e.get("type").asString()).toList();
            assertThat(types).containsExactly("risk.alert-raised", "risk.alert-escalated", "risk.alert-resolved");
            JsonNode raised = riskEvents(alertId, found -> !found.isEmpty()).get(0).get("data");
            assertThat(raised.get("metric").asString()).isEqualTo("REJECTION_RATE");
            assertThat(raised.get("scope").asString()).isEqualTo("PARTNER:" + partner);
            assertThat(raised.has("indicatorId") && raised.has("level") && raised.has("value")
                    && raised.has("threshold") && raised.has("occurredAt")).isTrue();
            assertThat(auditEntries("alert.resolved", alertId)).isEqualTo(1);
        }
        finally {
            clock.advance(moved.negated());
        }
    }

    @Test
    void violationsFromEventsRaiseAnAlertThatResolvesItselfWhenConfigured() throws Exception {
        String id = indicator("VIOLATIONS", "PLATFORM", "PT2H", 2, 1000, true);
        Duration ahead = Duration.ofDays(10);
        for (int i = 0; i < 3; i++) {
            String user = UUID.randomUUID().toString();
            awaitProcessed(KriEventsListener.CONSUMER, publish("platform.users.v1", user, "user.violation-recorded",
                    1L, Map.of("userId", user, "violationId", UUID.randomUUID().toString(), "type", "OTHER",
                            "severity", "MINOR", "occurredAt", now().plus(ahead).toString())));
        }
        Duration moved = Duration.ZERO;
        try {
            clock.advance(ahead.plusMinutes(1));
            moved = moved.plus(ahead.plusMinutes(1));
            computation.computeDue();
            JsonNode alerts = alertsOf(id);
            assertThat(alerts.size()).isEqualTo(1);
            assertThat(alerts.get(0).get("value").decimalValue()).isEqualByComparingTo("3");

            clock.advance(Duration.ofHours(3));
            moved = moved.plusHours(3);
            computation.computeDue();
            JsonNode after = alertsOf(id);
            assertThat(after.size()).isEqualTo(1);
            assertThat(after.get(0).get("status").asString()).isEqualTo("RESOLVED");
            assertThat(after.get(0).get("resolvedBy").asString()).isEqualTo("system:auto-resolve");
        }
        finally {
            clock.advance(moved.negated());
        }
    }

    @Test
    void afterAResolutionAWarningWaitsForTheCoolDownButCriticalIsRaisedAtOnce() throws Exception {
        UUID partner = goodPartner();
        String id = indicator("REJECTION_RATE", "PARTNER:" + partner, "P1D", 0.3, 0.7, false);
        assess(goodPayer(), partner, "10.00");
        assess(rejected(partner));
        Duration moved = Duration.ZERO;
        try {
            computation.computeDue();
            String first = alertsOf(id).get(0).get("id").asString();
            postJson("/api/v1/risk/alerts/" + first + "/resolution", Map.of("resolution", "known batch"), risk1())
                    .andExpect(status().isOk());
            clock.advance(Duration.ofHours(1));
            moved = moved.plusHours(1);
            computation.computeDue();
            assertThat(alertsOf(id).size()).as("still 0.5, within the cool-down: no new warning").isEqualTo(1);

            assess(rejected(partner));
            assess(rejected(partner));
            assess(rejected(partner));
            clock.advance(Duration.ofHours(1));
            moved = moved.plusHours(1);
            computation.computeDue();
            JsonNode alerts = alertsOf(id);
            assertThat(alerts.size()).isEqualTo(2);
            assertThat(alerts.get(0).get("level").asString()).isEqualTo("CRITICAL");
            assertThat(alerts.get(0).get("status").asString()).isEqualTo("OPEN");
        }
        finally {
            clock.advance(moved.negated());
        }
    }

    @Test
    void twoInstancesComputingAtOnceComputeEachIndicatorOnce() throws Exception {
        String id = indicator("TRANSACTION_VOLUME", "PARTNER:" + UUID.randomUUID(), "PT1H", 100, 200, false);
        Duration moved = Duration.ofHours(1);
        clock.advance(moved);
        try {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    computation.computeDue();
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
            pool.shutdown();
            assertThat(jdbc.queryForObject("select count(*) from indicator_value where indicator_id = ?::uuid",
                    Long.class, id)).isEqualTo(1);
        }
        finally {
            clock.advance(moved.negated());
        }
    }

    @Test
    void anIndicatorIsValidated() throws Exception {
        postJson("/api/v1/risk/indicators", Map.of("name", "x", "metric", "REJECTION_RATE", "scope", "PLATFORM",
                "window", "an hour", "warningThreshold", 0.1, "criticalThreshold", 0.2), risk1())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("window"));
        postJson("/api/v1/risk/indicators", Map.of("name", "x", "metric", "REJECTION_RATE", "scope", "PARTNER:x",
                "window", "PT1H", "warningThreshold", 0.1, "criticalThreshold", 0.2), risk1())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scope"));
        postJson("/api/v1/risk/indicators", Map.of("name", "x", "metric", "REJECTION_RATE", "scope", "PLATFORM",
                "window", "PT1H", "warningThreshold", 0.5, "criticalThreshold", 0.2), risk1())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("criticalThreshold"));
    }
}
