package com.platform.e2e;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A payment institution's way through partner-service, through the gateway only, against the real Keycloak (issue
 * 10): an enterprise registers and applies, two operators approve (four eyes), it signs and gets its API client,
 * calls the API with a client-credentials token within its quota (which the gateway learns from the agreement within
 * seconds, and again from an amendment), receives signed webhooks, is inspected and graded, rotates its secret (the
 * old one stops working), is terminated and loses access.
 */
@ExtendWith(E2EStack.class)
class PartnerJourneyE2ETest {

    private static final String PASSWORD = "Partner-" + UUID.randomUUID();

    @Test
    void applyApproveSignCallWithinQuotaWebhooksGradeRotateTerminate() throws Exception {
        String email = "acquirer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String applicantId = People.registerAndVerify(Map.of("channel", "EMAIL", "email", email,
                "password", PASSWORD, "displayName", "Acquirer Ltd", "accountType", "ENTERPRISE"), email);
        String enterprise = Client.firstLogin(email, PASSWORD);

        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        JsonNode application = Client.ok(Client.send("POST", "/api/v1/partner-applications", enterprise, Map.of(
                "companyName", "Acquirer Payments Ltd", "creditCode", People.creditCode(),
                "type", "PAYMENT_INSTITUTION", "licenseNumber", "LIC-" + today.getYear(),
                "licenseExpiresOn", today.plusYears(3).toString(),
                "qualifications", List.of(Map.of("kind", "PAYMENT_BUSINESS_LICENSE", "number", "PBL-2031",
                        "expiresOn", today.plusYears(2).toString())),
                "contacts", List.of(Map.of("name", "Li Lei", "email", email, "userId", applicantId)),
                "serviceRegions", List.of("CN-BJ", "CN-SH"), "capabilities", List.of("CARD_ACQUIRING"))));
        assertThat(application.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(application.get("checks").valueStream().map(c -> c.get("name").asString() + ":"
                + c.get("passed").asBoolean())).contains("CREDIT_STANDING:true", "NOT_BLACKLISTED:true");
        String applicationId = application.get("id").asString();

        String operator = Client.token("operator");
        JsonNode first = Client.ok(Client.send("POST", "/api/v1/partner-applications/" + applicationId + "/reviews",
                operator, Map.of("decision", "APPROVE", "reasons", List.of("Licence and capital verified"))));
        assertThat(first.get("outcome").asString()).isEqualTo("AWAITING_SECOND_APPROVAL");
        assertThat(Client.send("POST", "/api/v1/partner-applications/" + applicationId + "/reviews", operator,
                Map.of("decision", "APPROVE", "reasons", List.of("again"))).statusCode()).isEqualTo(409);
        JsonNode second = Client.ok(Client.send("POST", "/api/v1/partner-applications/" + applicationId
                + "/reviews", Client.token("operator2"), Map.of("decision", "APPROVE",
                "reasons", List.of("Four-eyes check done"))));
        assertThat(second.get("outcome").asString()).isEqualTo("APPROVED");
        String partnerId = second.get("partnerId").asString();
        // the applicant sees the decision and its reasons
        assertThat(Client.ok(Client.get("/api/v1/partner-applications/" + applicationId, enterprise))
                .get("reviews")).hasSize(2);

        String agreementId = Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/agreements",
                operator, terms(today, 20))).get("id").asString();
        Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/agreements/" + agreementId + "/proposal",
                operator, Map.of()));
        JsonNode signed = Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/agreements/"
                + agreementId + "/acceptance", enterprise, Map.of()));
        String clientId = signed.get("clientId").asString();
        String firstSecret = signed.get("clientSecret").asString();

        String system = Client.clientToken(clientId, firstSecret).orElseThrow();
        JsonNode claims = claims(system);
        assertThat(claims.get("partner_id").asString()).isEqualTo(partnerId);
        assertThat(claims.at("/realm_access/roles").valueStream().map(JsonNode::asString)).contains("partner");
        JsonNode own = Client.ok(Client.get("/api/v1/partners/" + partnerId, system));
        assertThat(own.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(Client.get("/api/v1/partners/" + UUID.randomUUID(), system).statusCode()).isEqualTo(404);
        assertThat(Client.get("/api/v1/partner-applications", system).statusCode()).isEqualTo(403);

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode webhook = Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/webhooks", system,
                    Map.of("url", receiver.url(), "events", List.of("partner.inspected", "partner.graded",
                            "agreement.amended", "agreement.terminated"))));
            receiver.trust(webhook.get("secret").asString());

            // the gateway learns the agreement's 20 requests a minute from the quota topic within seconds
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    burst("/api/v1/partners/" + partnerId, system, 21).contains(429));

            Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/inspections", operator, Map.of(
                    "findings", List.of(Map.of("severity", "MAJOR", "description", "Chargeback log incomplete")),
                    "rectificationDueOn", today.plusDays(14).toString())));
            JsonNode evaluation = Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/evaluations",
                    operator, Map.of()));
            assertThat(evaluation.get("grade").asString()).isIn("A", "B");
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().stream()
                    .map(m -> m.body().get("type").asString()).toList()
                    .containsAll(List.of("partner.inspected", "partner.graded")));
            assertThat(receiver.refused()).isEmpty();

            // an amendment to 1000 a minute, accepted by the applicant, lifts the limit within seconds
            JsonNode amendment = Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/agreements/"
                    + agreementId + "/amendments", operator, terms(today, 1000)));
            Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/agreements/" + agreementId
                    + "/acceptance", enterprise, Map.of("version", amendment.get("version").asInt())));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Client.get("/api/v1/partners/" + partnerId, system).statusCode() == 200);
            assertThat(burst("/api/v1/partners/" + partnerId, system, 30)).containsOnly(200);

            JsonNode rotated = Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId
                    + "/credentials/rotation", Client.token("admin"), Map.of()));
            assertThat(Client.clientToken(clientId, firstSecret)).isEmpty();
            String rotatedToken = Client.clientToken(clientId, rotated.get("clientSecret").asString()).orElseThrow();
            Client.ok(Client.get("/api/v1/partners/" + partnerId + "/evaluations", rotatedToken));

            Client.ok(Client.send("POST", "/api/v1/partners/" + partnerId + "/agreements/" + agreementId
                    + "/termination", operator, Map.of("reason", "Licence withdrawn by the regulator",
                    "effectiveOn", today.toString())));
            assertThat(Client.ok(Client.get("/api/v1/partners/" + partnerId, operator)).get("status").asString())
                    .isEqualTo("TERMINATED");
            assertThat(Client.clientToken(clientId, rotated.get("clientSecret").asString())).isEmpty();
            // a token issued before the termination is still signed, but the gateway's quota for it is now 0
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Client.get("/api/v1/partners/" + partnerId, rotatedToken).statusCode() == 403);
            JsonNode eligibility = Client.ok(Client.sendToService("partner-service", "GET",
                    "/internal/v1/partners/" + partnerId + "/eligibility", Client.serviceToken("transaction-service"),
                    null));
            assertThat(eligibility.get("agreementActive").asBoolean()).isFalse();
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().stream()
                    .anyMatch(m -> m.body().get("type").asString().equals("agreement.terminated")));
        }
    }

    private static Map<String, Object> terms(LocalDate today, int quota) {
        return Map.of("cooperationMode", "PAYMENT_SERVICE", "startsOn", today.toString(),
                "endsOn", today.plusYears(1).toString(),
                "rightsAndObligations", "The partner processes card payments for platform transactions.",
                "confidentiality", "Both sides keep transaction data confidential.",
                "breachLiability", "Damages as set out in schedule 3.", "commissionRate", "0.0200",
                "fulfilmentDays", 2, "apiQuotaPerMinute", quota, "terminationNoticeDays", 0);
    }

    /** Status codes of {@code count} quick reads, as a partner system's batch job would make them. */
    private static List<Integer> burst(String path, String token, int count) throws Exception {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = Client.get(path, token);
            statuses.add(response.statusCode());
        }
        return statuses;
    }

    private static JsonNode claims(String jwt) {
        return Client.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }
}
