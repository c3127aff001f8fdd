package com.platform.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Risk officers through the gateway, a transaction's assessment through risk-service's internal API as
 * transaction-service makes it (issue 11): a rule is written by one officer and put live by a second (maker-checker),
 * an assessment fires it and opens a case, the case is decided as fraud and user-service records the violation from
 * the event, and a KRI over the violations raises one alert, mailed to the risk mailbox, acknowledged and resolved.
 */
@ExtendWith(E2EStack.class)
class RiskJourneyE2ETest {

    private static final String PASSWORD = "Risky-" + UUID.randomUUID();

    @Test
    void ruleApprovedLiveFiresOpensCaseFraudBecomesViolationKriRaisesOneAlert() throws Exception {
        String email = "payer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String payerId = People.registerAndVerify(Map.of("channel", "EMAIL", "email", email, "password", PASSWORD,
                "displayName", "Risky Payer"), email);
        String maker = Client.token("risk");
        String checker = Client.token("risk2");

        // an amount no other journey uses, so that the rule fires only here
        JsonNode rule = Client.ok(Client.send("POST", "/api/v1/risk/rules", maker, Map.of(
                "name", "e2e-odd-amount-" + UUID.randomUUID().toString().substring(0, 8),
                "expression", "tx.amount == 313.37 && tx.currency == \"CNY\"",
                "score", 10, "action", "REVIEW", "mode", "LIVE")));
        String ruleId = rule.get("id").asString();
        HttpResponse<String> byAuthor = Client.send("POST", "/api/v1/risk/rules/" + ruleId + "/approval", maker,
                Map.of());
        assertThat(byAuthor.statusCode()).isEqualTo(403);
        assertThat(Client.json(byAuthor).get("code").asString()).isEqualTo("RULE_APPROVAL_BY_AUTHOR");
        Client.ok(Client.send("POST", "/api/v1/risk/rules/" + ruleId + "/approval", checker, Map.of()));

        String transactionId = UUID.randomUUID().toString();
        JsonNode assessment = Client.ok(Client.sendToService("risk-service", "POST", "/internal/v1/risk/assessments",
                Client.serviceToken("transaction-service"), Map.of("transactionId", transactionId,
                        "type", "ECOMMERCE", "payerId", payerId, "partnerId", UUID.randomUUID().toString(),
                        "amount", Map.of("amount", "313.37", "currency", "CNY"),
                        "occurredAt", Instant.now().toString())));
        assertThat(assessment.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(assessment.get("firedRules").valueStream().map(r -> r.get("ruleId").asString()))
                .contains(ruleId);
        String caseId = assessment.get("caseId").asString();
        // a user's token never reaches the internal API, and the gateway does not route it
        assertThat(Client.send("POST", "/internal/v1/risk/assessments", maker, Map.of()).statusCode())
                .isIn(403, 404);

        Client.ok(Client.send("POST", "/api/v1/risk/cases/" + caseId + "/assignment", maker, Map.of()));
        HttpResponse<String> notOwner = Client.send("POST", "/api/v1/risk/cases/" + caseId + "/decision", checker,
                Map.of("decision", "REJECT", "fraudConfirmed", true, "reason", "not mine to decide"));
        assertThat(notOwner.statusCode()).isEqualTo(409);
        Client.ok(Client.send("POST", "/api/v1/risk/cases/" + caseId + "/decision", maker, Map.of(
                "decision", "REJECT", "fraudConfirmed", true, "reason", "Card testing pattern confirmed")));

        String operator = Client.token("operator");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Client.ok(Client.get("/api/v1/users/" + payerId + "/violations", operator)).get("items")
                        .valueStream().anyMatch(v -> "FRAUDULENT_TRANSACTION".equals(v.get("type").asString())));

        JsonNode indicator = Client.ok(Client.send("POST", "/api/v1/risk/indicators", maker, Map.of(
                "name", "Violations per hour (e2e)", "metric", "VIOLATIONS", "scope", "PLATFORM", "window", "PT1H",
                "warningThreshold", 1, "criticalThreshold", 100000)));
        String indicatorId = indicator.get("id").asString();
        JsonNode alert = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() ->
                Client.ok(Client.get("/api/v1/risk/alerts?status=OPEN", maker)).get("items").valueStream()
                        .filter(a -> indicatorId.equals(a.path("indicatorId").asString())).findFirst().orElse(null),
                a -> a != null);
        assertThat(alert.get("level").asString()).isEqualTo("WARNING");
        assertThat(Client.ok(Client.get("/api/v1/risk/indicators/" + indicatorId + "/values", maker)).get("items"))
                .isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> !E2EStack.get().inbox("risk-officers@platform.local")
                .isEmpty());

        String alertId = alert.get("id").asString();
        Client.ok(Client.send("POST", "/api/v1/risk/alerts/" + alertId + "/acknowledgement", maker, Map.of()));
        Client.ok(Client.send("POST", "/api/v1/risk/alerts/" + alertId + "/resolution", maker, Map.of(
                "resolution", "Fraud ring handled, payer sanctioned")));
        // the count stays above the threshold: one alert, not a storm (a new WARNING waits for the cool-down)
        JsonNode forIndicator = Client.ok(Client.get("/api/v1/risk/alerts", maker));
        assertThat(forIndicator.get("items").valueStream()
                .filter(a -> indicatorId.equals(a.path("indicatorId").asString())).toList())
                .singleElement().satisfies(a -> assertThat(a.get("status").asString()).isEqualTo("RESOLVED"));
    }
}
