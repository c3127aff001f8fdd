package com.platform.transaction.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** T1, T2, T4: creating a transaction through its risk-control steps, idempotently, with exact money. */
class TransactionCreationIntegrationTests extends TransactionServiceIntegrationTest {

    @Test
    void anApprovedTransactionRecordsItsStepsInOrderAndCapturesTheAgreementTerms() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS", "ACTIVE", true, "0.0350", 4);
        JsonNode created = body(create(payer, partner, "12.50").andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.type").value("DELIVERY"))
                .andExpect(jsonPath("$.amount.amount").value("12.50"))
                .andExpect(jsonPath("$.amount.currency").value("CNY"))
                .andExpect(jsonPath("$.risk.decision").value("APPROVE"))
                .andExpect(jsonPath("$.risk.reasons[0]").value("new account"))
                .andExpect(jsonPath("$.commissionRate").value("0.0350"))
                .andExpect(jsonPath("$.fulfilmentDays").value(4)));
        UUID createdId = UUID.fromString(created.get("id").asString());
        // api.md: a rate is a decimal string, never a JSON number, on creation and on every read
        assertThat(created.get("commissionRate").isString()).isTrue();
        assertThat(getJson("/api/v1/transactions/" + createdId, payer.token()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("\"commissionRate\":\"0.0350\"");
        List<String> steps = new ArrayList<>();
        created.get("steps").forEach(s -> steps.add(s.get("name").asString()));
        assertThat(steps).containsExactly("PAYER_ELIGIBILITY", "PARTNER_ELIGIBILITY", "RISK_DECISION");
        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(jdbc.queryForObject("select amount_minor from transaction where id = ?", Long.class, id))
                .isEqualTo(1250L);
        assertThat(outboxTypes(id)).containsExactly("transaction.created", "transaction.approved");
        JsonNode event = outboxData(id, "transaction.created");
        assertThat(event.get("transactionId").asString()).isEqualTo(id.toString());
        assertThat(event.get("payerId").asString()).isEqualTo(payer.id());
        assertThat(event.get("partnerId").asString()).isEqualTo(partner.id().toString());
        assertThat(event.get("status").asString()).isEqualTo("APPROVED");
        assertThat(event.get("riskDecision").asString()).isEqualTo("APPROVE");
        assertThat(event.get("assessmentId").asString()).isEqualTo("as-" + id);
        assertThat(event.get("amount").get("amount").asString()).isEqualTo("12.50");
        assertThat(event.has("occurredAt")).isTrue();
        // the risk request carried the contract's fields
        remote.verify(postRequestedFor(urlPathEqualTo("/internal/v1/risk/assessments"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.amount.amount",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("12.50")))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.type",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("DELIVERY"))));
        // the internal calls carried the service token
        remote.verify(getRequestedFor(urlPathEqualTo("/internal/v1/users/" + payer.id() + "/eligibility"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
        // the events reach Kafka, keyed by the transaction
        List<JsonNode> published = eventsOf(id.toString(), 2);
        assertThat(published.get(0).get("type").asString()).isEqualTo("transaction.created");
        assertThat(published.get(0).get("subject").asString()).isEqualTo(id.toString());
    }

    @Test
    void aReviewDecisionHoldsTheTransactionUntilTheCaseIsDecidedOnce() throws Exception {
        stubRisk("REVIEW");
        Payer payer = payer();
        Partner partner = partner("MERCHANT");
        JsonNode created = body(create(payer, partner, "99.00").andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("IN_REVIEW")));
        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(created.get("risk").get("caseId").asString()).isEqualTo("case-" + id);
        postJson("/api/v1/transactions/" + id + "/confirmation", null, payer.token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.currentStatus").value("IN_REVIEW"));

        String eventId = UUID.randomUUID().toString();
        Map<String, Object> decided = Map.of("caseId", "case-" + id, "assessmentId", "as-" + id,
                "transactionId", id.toString(), "payerId", payer.id(), "partnerId", partner.id().toString(),
                "decision", "APPROVE", "fraudConfirmed", false, "reason", "documents checked",
                "occurredAt", clock.instant().toString());
        publish(eventId, "platform.risk.v1", "case-" + id, "risk.case-decided", decided, 2L);
        publish(eventId, "platform.risk.v1", "case-" + id, "risk.case-decided", decided, 2L);
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(id).equals("APPROVED"));
        // a contradicting later decision of the same case changes nothing: the first decision stands
        publish(UUID.randomUUID().toString(), "platform.risk.v1", "case-" + id, "risk.case-decided",
                Map.of("caseId", "case-" + id, "transactionId", id.toString(), "decision", "REJECT"), 3L);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where consumer = 'transaction-service.review-decisions'"
                        + " and event_id <> ?", Integer.class, eventId) >= 1);
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        assertThat(outboxTypes(id)).containsExactly("transaction.created", "transaction.approved");
    }

    @Test
    void aCaseDecidedBeforeTheTransactionArrivesIsAppliedWhenItIsCreated() throws Exception {
        // the decision refers to a transaction id this service has not stored (yet): it is kept, not lost
        UUID unknown = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), "platform.risk.v1", "case-x", "risk.case-decided",
                Map.of("caseId", "case-x", "transactionId", unknown.toString(), "decision", "REJECT",
                        "reason", "fraud"), 1L);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from risk_case_decision where transaction_id = ?", Integer.class, unknown) == 1);
        assertThat(jdbc.queryForObject("select applied from risk_case_decision where transaction_id = ?",
                Boolean.class, unknown)).isFalse();
    }

    @Test
    void aRejectedTransactionIsRecordedAndPublishedAsRejected() throws Exception {
        stubRisk("REJECT");
        JsonNode created = body(create(payer(), partner("LOGISTICS"), "10.00").andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REJECTED")));
        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(outboxTypes(id)).containsExactly("transaction.created", "transaction.rejected");
    }

    @ParameterizedTest(name = "{0} {1} canTransact={2} {3} {4}")
    @CsvSource({
            "SUSPENDED, L2, true, DELIVERY, 10.00, the account is SUSPENDED",
            "ACTIVE, L2, false, DELIVERY, 10.00, the account may not transact",
            "ACTIVE, L1, true, FINANCIAL, 10.00, FINANCIAL transactions need real-name verification (L2); the account is L1",
            "ACTIVE, L1, true, DELIVERY, 5000.01, amounts above 5000.00 CNY need real-name verification (L2); the account is L1"})
    void anIneligiblePayerIsRefusedWithTheReasonAndNothingIsWritten(String userStatus, String level,
            boolean canTransact, String type, String amount, String reason) throws Exception {
        Payer payer = payer(userStatus, level, canTransact);
        Partner partner = partner(type.equals("FINANCIAL") ? "PAYMENT_INSTITUTION" : "LOGISTICS");
        int before = count();
        postIdem("/api/v1/transactions", creation(type, partner.id(), amount, "CNY"), payer.token(),
                UUID.randomUUID().toString())
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("USER_NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.reason").value(reason));
        assertThat(count()).isEqualTo(before);
        remote.verify(0, postRequestedFor(urlPathEqualTo("/internal/v1/risk/assessments")));
    }

    @Test
    void anL1PayerMayMakeASmallDeliveryAndAnUnknownPayerIsRefused() throws Exception {
        create(payer("ACTIVE", "L1", true), partner("LOGISTICS"), "5000.00").andExpect(status().isCreated());
        Payer ghost = new Payer(UUID.randomUUID().toString(), bearer(tokens.user(UUID.randomUUID().toString(), "user")));
        remote.stubFor(get(urlPathMatching("/internal/v1/users/.*/eligibility")).atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        create(ghost, partner("LOGISTICS"), "1.00").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("USER_NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.reason").value("the account is unknown"));
    }

    @ParameterizedTest(name = "{0} {1} agreement={2} for {3}")
    @CsvSource({
            "MERCHANT, ACTIVE, true, DELIVERY, a MERCHANT partner cannot take DELIVERY transactions",
            "LOGISTICS, ACTIVE, true, FINANCIAL, a LOGISTICS partner cannot take FINANCIAL transactions",
            "LOGISTICS, SUSPENDED, true, DELIVERY, the partner is SUSPENDED",
            "LOGISTICS, ADMITTED, false, DELIVERY, the partner is ADMITTED",
            "LOGISTICS, ACTIVE, false, DELIVERY, the partner has no agreement in force"})
    void anIneligiblePartnerIsRefusedWithTheReason(String partnerType, String partnerStatus, boolean agreement,
            String type, String reason) throws Exception {
        Partner partner = partner(partnerType, partnerStatus, agreement, agreement ? "0.0500" : null, 3);
        int before = count();
        postIdem("/api/v1/transactions", creation(type, partner.id(), "10.00", "CNY"), payer().token(),
                UUID.randomUUID().toString())
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("PARTNER_NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.reason").value(reason));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theCommissionRateIsShownAsADecimalStringWithTheAgreementsFourPlaces() throws Exception {
        Payer payer = payer();
        String text = create(payer, partner("LOGISTICS", "ACTIVE", true, "0.05", 3), "10.00")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(text).contains("\"commissionRate\":\"0.0500\"");
        JsonNode list = body(getJson("/api/v1/transactions", payer.token()).andExpect(status().isOk()));
        assertThat(list.toString()).contains("\"commissionRate\":\"0.0500\"");
        String zero = create(payer, partner("LOGISTICS", "ACTIVE", true, "0", 3), "10.00")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(zero).contains("\"commissionRate\":\"0.0000\"");
    }

    @Test
    void aCommissionRateWithMoreThanFourPlacesIsRefusedNotRounded() throws Exception {
        int before = count();
        create(payer(), partner("LOGISTICS", "ACTIVE", true, "0.12345", 3), "10.00")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("PARTNER_NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.reason").value("the partner's agreement terms are not valid"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void everyPartnerTypeFitsItsTransactionType() throws Exception {
        Payer payer = payer();
        create(payer, partner("LOGISTICS"), "1.00").andExpect(status().isCreated());
        create(payer, partner("MERCHANT"), "1.00").andExpect(status().isCreated());
        create(payer, partner("PAYMENT_INSTITUTION"), "1.00").andExpect(status().isCreated());
        create(payer, partner("SERVICE_PROVIDER"), "1.00").andExpect(status().isCreated());
        Partner unknown = new Partner(UUID.randomUUID(), "LOGISTICS", null);
        remote.stubFor(get(urlPathMatching("/internal/v1/partners/.*/eligibility")).atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        create(payer, unknown, "1.00").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("the partner is unknown"));
    }

    @Test
    void aPayerOrPartnerCheckThatCannotBeMadeIsAFast503NamingTheDependency() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        int before = count();
        remote.stubFor(get(urlPathEqualTo("/internal/v1/users/" + payer.id() + "/eligibility")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        create(payer, partner, "1.00").andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("USER_SERVICE_UNAVAILABLE"))
                .andExpect(jsonPath("$.dependency").value("user-service"));
        remote.resetAll();
        stubPayer(payer.id(), "ACTIVE", "L2", true);
        // slower than the time limit: no answer
        remote.stubFor(get(urlPathEqualTo("/internal/v1/partners/" + partner.id() + "/eligibility")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(6000).withStatus(200)));
        create(payer, partner, "1.00").andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.dependency").value("partner-service"));
        remote.stubFor(get(urlPathEqualTo("/internal/v1/partners/" + partner.id() + "/eligibility"))
                .willReturn(aResponse().withStatus(503)));
        create(payer, partner, "1.00").andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("PARTNER_SERVICE_UNAVAILABLE"))
                .andExpect(jsonPath("$.dependency").value("partner-service"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void withoutARiskDecisionNothingIsApprovedAndNothingWritten() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        int before = count();
        int outbox = jdbc.queryForObject("select count(*) from outbox_event", Integer.class);
        remote.stubFor(post(urlPathEqualTo("/internal/v1/risk/assessments")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        create(payer, partner, "1.00").andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("RISK_UNAVAILABLE"));
        remote.stubFor(post(urlPathEqualTo("/internal/v1/risk/assessments")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"assessmentId\":\"a\",\"decision\":\"MAYBE\",\"score\":1}")));
        create(payer, partner, "1.00").andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("RISK_UNAVAILABLE"));
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event", Integer.class)).isEqualTo(outbox);
    }

    @Test
    void theSameKeyAndBodyReplaysAndAnotherBodyIsRefused() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        String key = UUID.randomUUID().toString();
        JsonNode first = body(postIdem("/api/v1/transactions", creation("DELIVERY", partner.id(), "5.00", "CNY"),
                payer.token(), key).andExpect(status().isCreated()));
        JsonNode again = body(postIdem("/api/v1/transactions", creation("DELIVERY", partner.id(), "5.00", "CNY"),
                payer.token(), key).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")));
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        postIdem("/api/v1/transactions", creation("DELIVERY", partner.id(), "6.00", "CNY"), payer.token(), key)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        assertThat(jdbc.queryForObject("select count(*) from transaction where payer_id = ?", Integer.class,
                payer.id())).isEqualTo(1);
        postJson("/api/v1/transactions", creation("DELIVERY", partner.id(), "5.00", "CNY"), payer.token())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void concurrentDuplicatesExecuteOnce() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        // a slow payer check keeps the first request running while the duplicates arrive
        remote.stubFor(get(urlPathEqualTo("/internal/v1/users/" + payer.id() + "/eligibility")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(400).withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"userId\":\"" + payer.id()
                                + "\",\"status\":\"ACTIVE\",\"level\":\"L2\",\"canTransact\":true}")));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Integer> call = () -> postIdem("/api/v1/transactions",
                    creation("DELIVERY", partner.id(), "7.00", "CNY"), payer.token(), key)
                    .andReturn().getResponse().getStatus();
            results.add(pool.submit(call));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).contains(201).allMatch(s -> s == 201 || s == 409);
        assertThat(jdbc.queryForObject("select count(*) from transaction where payer_id = ?", Integer.class,
                payer.id())).isEqualTo(1);
        remote.verify(1, postRequestedFor(urlPathEqualTo("/internal/v1/risk/assessments")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"amount\": 12.5, \"currency\": \"CNY\"}|amount.amount",
            "{\"amount\": \"0.00\", \"currency\": \"CNY\"}|amount.amount",
            "{\"amount\": \"-1.00\", \"currency\": \"CNY\"}|amount.amount",
            "{\"amount\": \"1.005\", \"currency\": \"CNY\"}|amount.amount",
            "{\"amount\": \"1.5\", \"currency\": \"JPY\"}|amount.amount",
            "{\"amount\": \"1e3\", \"currency\": \"CNY\"}|amount.amount",
            "{\"amount\": \"12.50\", \"currency\": \"ABC\"}|amount.currency",
            "{\"amount\": \"12.50\", \"currency\": \"cny\"}|amount.currency",
            "{\"amount\": \"12.50\", \"currency\": \"XAU\"}|amount.currency",
            "{\"amount\": \"12.50\"}|amount.currency",
            "{\"amount\": \"99999999999999999999.00\", \"currency\": \"CNY\"}|amount.amount"})
    void badMoneyIsA400NamingTheField(String money, String field) throws Exception {
        Partner partner = partner("LOGISTICS");
        String body = "{\"type\":\"DELIVERY\",\"partnerId\":\"" + partner.id() + "\",\"amount\":" + money
                + ",\"description\":\"parcel\"}";
        int before = count();
        postIdem("/api/v1/transactions", body, payer().token(), UUID.randomUUID().toString())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void exactMinorUnitsFollowTheCurrency() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        JsonNode yen = body(postIdem("/api/v1/transactions", creation("DELIVERY", partner.id(), "1500", "JPY"),
                payer.token(), UUID.randomUUID().toString()).andExpect(status().isCreated()));
        assertThat(yen.get("amount").get("amount").asString()).isEqualTo("1500");
        JsonNode dinar = body(postIdem("/api/v1/transactions", creation("DELIVERY", partner.id(), "1.5", "KWD"),
                payer.token(), UUID.randomUUID().toString()).andExpect(status().isCreated()));
        assertThat(dinar.get("amount").get("amount").asString()).isEqualTo("1.500");
        assertThat(jdbc.queryForObject("select amount_minor from transaction where id = ?", Long.class,
                UUID.fromString(dinar.get("id").asString()))).isEqualTo(1500L);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from transaction", Integer.class);
    }
}
