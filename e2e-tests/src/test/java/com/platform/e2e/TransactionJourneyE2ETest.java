package com.platform.e2e;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole journey of issue 12, through the gateway only, with the real Keycloak, user-, partner- and risk-service
 * and the payment simulator calling back for real: a payer reaches L2, a logistics partner is admitted and signs, a
 * DELIVERY transaction is approved, confirmed, paid (signed callback), fulfilled by the partner's system and
 * received; the ledger balances and the partner is owed the amount less commission. A second transaction is
 * disputed and partly refunded, a third is held for review and approved by a risk officer, the partner's webhook
 * gets the signed transaction events, and the payer cannot close the account while transactions are open. Last,
 * the third is paid and disputed, the dispute rejected as abusive, and user-service records the payer's violation.
 */
@ExtendWith(E2EStack.class)
class TransactionJourneyE2ETest {

    private static final String PASSWORD = "Payer-" + UUID.randomUUID();

    @Test
    void paidFulfilledSettledDisputedRefundedReviewedWithWebhooks() throws Exception {
        String email = "payer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String payerId = People.registerAndVerify(Map.of("channel", "EMAIL", "email", email, "password", PASSWORD,
                "displayName", "Paying Person"), email);
        String payer = Client.firstLogin(email, PASSWORD);
        Client.ok(Client.send("POST", "/api/v1/users/me/identity-verifications", payer, Map.of(
                "legalName", "李四", "documentType", "RESIDENT_ID", "documentNumber", People.residentId())));
        assertThat(Client.ok(Client.get("/api/v1/users/me", payer)).get("level").asString()).isEqualTo("L2");

        Partners.Admitted carrier = Partners.admitted("LOGISTICS", "0.0500");
        String partnerSystem = carrier.systemToken();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode webhook = Client.ok(Client.send("POST", "/api/v1/partners/" + carrier.partnerId()
                    + "/webhooks", partnerSystem, Map.of("url", receiver.url(), "events", List.of(
                    "transaction.created", "transaction.paid", "transaction.fulfilled", "transaction.settled"))));
            receiver.trust(webhook.get("secret").asString());
            awaitRiskKnows(payerId, carrier.partnerId());

            // 1: approved, confirmed, paid through the simulator's signed callback, fulfilled, received
            Map<String, Object> order = Map.of("type", "DELIVERY", "partnerId", carrier.partnerId(),
                    "amount", Map.of("amount", "100.00", "currency", "CNY"), "description", "Parcel to Shanghai");
            String key = UUID.randomUUID().toString();
            JsonNode created = Client.ok(Client.post("/api/v1/transactions", payer, order, key));
            assertThat(created.get("status").asString()).as(created.toString()).isEqualTo("APPROVED");
            // api.md: a rate is a decimal string with the agreement's four places
            assertThat(created.get("commissionRate").isString()).as(created.toString()).isTrue();
            assertThat(created.get("commissionRate").asString()).isEqualTo("0.0500");
            String first = created.get("id").asString();
            assertThat(Client.ok(Client.post("/api/v1/transactions", payer, order, key)).get("id").asString())
                    .isEqualTo(first);
            payAndAwaitPaid(first, payer);
            assertThat(Client.send("POST", "/api/v1/transactions/" + first + "/fulfilment", payer, Map.of())
                    .statusCode()).isEqualTo(403);
            Client.ok(Client.send("POST", "/api/v1/transactions/" + first + "/fulfilment", partnerSystem, Map.of()));
            JsonNode settled = Client.ok(Client.send("POST", "/api/v1/transactions/" + first + "/receipt", payer,
                    Map.of()));
            assertThat(settled.get("status").asString()).isEqualTo("SETTLED");

            JsonNode journal = Client.ok(Client.get("/api/v1/transactions/" + first + "/journal",
                    Client.token("auditor")));
            assertThat(posted(journal, "PARTNER_PAYABLE")).isEqualByComparingTo("95.00");
            assertThat(posted(journal, "PLATFORM_COMMISSION")).isEqualByComparingTo("5.00");
            assertBalanced();

            // 2: paid, disputed, partly refunded by the operator's resolution
            String second = Client.ok(Client.post("/api/v1/transactions", payer, Map.of("type", "DELIVERY",
                    "partnerId", carrier.partnerId(), "amount", Map.of("amount", "80.00", "currency", "CNY"),
                    "description", "Fragile parcel"), UUID.randomUUID().toString())).get("id").asString();
            payAndAwaitPaid(second, payer);
            JsonNode dispute = Client.ok(Client.send("POST", "/api/v1/transactions/" + second + "/disputes", payer,
                    Map.of("reason", "DAMAGED", "description", "The vase arrived broken",
                            "evidence", List.of("photo-of-the-box.jpg"))));
            JsonNode seenByPartner = Client.ok(Client.get("/api/v1/disputes/" + dispute.get("id").asString(),
                    partnerSystem));
            assertThat(seenByPartner.get("status").asString()).isEqualTo("OPEN");
            Client.ok(Client.send("POST", "/api/v1/disputes/" + dispute.get("id").asString() + "/resolution",
                    Client.token("operator"), Map.of("outcome", "REFUND_PARTIAL",
                            "refundAmount", Map.of("amount", "30.00", "currency", "CNY"),
                            "reason", "Damage covers part of the order", "abusive", false)));
            JsonNode refunded = Client.ok(Client.get("/api/v1/transactions/" + second, payer));
            assertThat(refunded.at("/refundedAmount/amount").asString()).isEqualTo("30.00");
            assertThat(refunded.at("/heldAmount/amount").asString()).isEqualTo("50.00");
            assertBalanced();

            // 3: a watchlisted device holds it for review; a risk officer approves the case
            String device = "device-" + UUID.randomUUID();
            String officer = Client.token("risk");
            Client.ok(Client.send("POST", "/api/v1/risk/watchlist", officer, Map.of("kind", "DEVICE",
                    "value", device, "reason", "Seen in a card-testing ring")));
            JsonNode held = Client.ok(Client.post("/api/v1/transactions", payer, Map.of("type", "DELIVERY",
                    "partnerId", carrier.partnerId(), "amount", Map.of("amount", "20.00", "currency", "CNY"),
                    "description", "Letter"), UUID.randomUUID().toString(), "X-Device-Id", device));
            assertThat(held.get("status").asString()).as(held.toString()).isEqualTo("IN_REVIEW");
            String caseId = held.at("/risk/caseId").asString();
            Client.ok(Client.send("POST", "/api/v1/risk/cases/" + caseId + "/assignment", officer, Map.of()));
            Client.ok(Client.send("POST", "/api/v1/risk/cases/" + caseId + "/decision", officer, Map.of(
                    "decision", "APPROVE", "fraudConfirmed", false, "reason", "Device shared in a family")));
            String third = held.get("id").asString();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> "APPROVED".equals(
                    Client.ok(Client.get("/api/v1/transactions/" + third, payer)).get("status").asString()));

            // the partner's system got the signed events of its transactions
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().stream().anyMatch(m ->
                    "transaction.settled".equals(m.body().get("type").asString())
                            && first.equals(m.body().at("/data/transactionId").asString())));
            assertThat(receiver.refused()).isEmpty();

            // another payer sees none of it
            String otherEmail = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            People.registerAndVerify(Map.of("channel", "EMAIL", "email", otherEmail, "password", PASSWORD,
                    "displayName", "Other Person"), otherEmail);
            String other = Client.firstLogin(otherEmail, PASSWORD);
            assertThat(Client.get("/api/v1/transactions/" + first, other).statusCode()).isIn(403, 404);
            assertThat(Client.ok(Client.get("/api/v1/transactions", other)).get("total").asLong()).isZero();

            // open business (the second is still held, the third approved): the account cannot be closed
            await().atMost(Duration.ofSeconds(20)).until(() -> Client.send("DELETE", "/api/v1/users/me", payer, null)
                    .statusCode() == 409);
            HttpResponse<String> closing = Client.send("DELETE", "/api/v1/users/me", payer, null);
            assertThat(Client.json(closing).get("code").asString()).isEqualTo("USER_HAS_OPEN_BUSINESS");

            // 3 again, last (the violation restricts the payer): paid, disputed, the dispute rejected as abusive;
            // user-service records the payer's violation from dispute.resolved
            payAndAwaitPaid(third, payer);
            String abusive = Client.ok(Client.send("POST", "/api/v1/transactions/" + third + "/disputes", payer,
                    Map.of("reason", "NOT_RECEIVED", "description", "The letter never came",
                            "evidence", List.of("tracking-page.png")))).get("id").asString();
            JsonNode rejected = Client.ok(Client.send("POST", "/api/v1/disputes/" + abusive + "/resolution",
                    Client.token("operator"), Map.of("outcome", "REJECTED",
                            "reason", "Delivered and signed for; the fourth such claim this month",
                            "abusive", true)));
            assertThat(rejected.get("outcome").asString()).isEqualTo("REJECTED");
            String operator = Client.token("operator");
            JsonNode violation = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Client.ok(Client.get("/api/v1/users/" + payerId + "/violations", operator))
                            .get("items").valueStream().filter(v -> "ABUSIVE_DISPUTE".equals(v.get("type").asString()))
                            .findFirst().orElse(null), v -> v != null);
            assertThat(violation.get("severity").asString()).isEqualTo("MAJOR");
            assertThat(violation.get("source").asString()).isEqualTo("DISPUTE");
            assertThat(violation.get("description").asString()).contains(abusive);
            assertThat(violation.at("/penalty/kind").asString()).isEqualTo("RESTRICTED");
            assertThat(Client.ok(Client.get("/api/v1/transactions/" + third, payer)).get("status").asString())
                    .isEqualTo("PAID");
        }
    }

    private static void payAndAwaitPaid(String transactionId, String payer) throws Exception {
        Client.ok(Client.send("POST", "/api/v1/transactions/" + transactionId + "/confirmation", payer, Map.of()));
        JsonNode payment = Client.ok(Client.post("/api/v1/transactions/" + transactionId + "/payments", payer,
                Map.of("method", "BANK_CARD"), UUID.randomUUID().toString()));
        assertThat(payment.get("status").asString()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> "PAID".equals(
                Client.ok(Client.get("/api/v1/transactions/" + transactionId, payer)).get("status").asString()));
    }

    /** What the journal entries of one transaction posted to an account, in major units, sign ignored. */
    private static BigDecimal posted(JsonNode journal, String account) {
        return journal.get("entries").valueStream().flatMap(e -> e.get("postings").valueStream())
                .filter(p -> account.equals(p.get("account").asString()))
                .map(p -> new BigDecimal(p.at("/amount/amount").asString()).abs())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertBalanced() throws Exception {
        JsonNode balance = Client.ok(Client.get("/api/v1/ledger/trial-balance", Client.token("auditor")));
        assertThat(balance.get("balanced").asBoolean()).as(balance.toString()).isTrue();
        balance.get("currencies").valueStream().forEach(c -> assertThat(
                new BigDecimal(c.at("/total/amount").asString())).isZero());
    }

    /**
     * risk-service knows payers and partners from their events, a moment after they happen; until then it reviews
     * (never approves an unknown). A probe assessment, as transaction-service would ask, shows when it knows both.
     * Few probes: each counts in the payer's velocity.
     */
    private static void awaitRiskKnows(String payerId, String partnerId) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            JsonNode probe = Client.ok(Client.sendToService("risk-service", "POST", "/internal/v1/risk/assessments",
                    Client.serviceToken("transaction-service"), Map.of("transactionId", UUID.randomUUID().toString(),
                            "type", "DELIVERY", "payerId", payerId, "partnerId", partnerId,
                            "amount", Map.of("amount", "1.00", "currency", "CNY"),
                            "occurredAt", Instant.now().toString())));
            return "APPROVE".equals(probe.get("decision").asString());
        });
    }
}
