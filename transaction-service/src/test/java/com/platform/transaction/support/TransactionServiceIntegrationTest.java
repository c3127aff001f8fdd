package com.platform.transaction.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.platform.testsupport.MutableClock;
import com.platform.testsupport.PlatformTestEnvironment;
import com.platform.testsupport.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One Spring context for transaction-service's integration tests: real PostgreSQL and Kafka, the local token
 * issuer, WireMock standing in for user-service, partner-service and risk-service (built in parallel; their
 * contracts are in contracts.md) and for the payment provider, and a clock tests can move forward. Keep the
 * annotations and properties here only, so every test class shares the context.
 */
@SpringBootTest(properties = {"transaction.settlement.job-period=1h", "transaction.payments.submission-job-period=1h",
        "transaction.payments.providers.simulator.callback-secret=" + TransactionServiceIntegrationTest.CALLBACK_SECRET,
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=1000",
        // the test machine is shared and sometimes slow: generous limits, except partner-service's and the payment
        // provider's, which the timeout tests exceed on purpose (production limits are in application.yml)
        "spring.cloud.openfeign.client.config.user-service.read-timeout=15000",
        "spring.cloud.openfeign.client.config.risk-service.read-timeout=15000",
        "spring.cloud.openfeign.client.config.payment-provider.read-timeout=5000",
        "spring.cloud.openfeign.client.config.partner-service.read-timeout=4000"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {"platform.transactions.v1", "platform.risk.v1",
        "platform.transactions.v1.dlt", "platform.risk.v1.dlt"}, brokerProperties = "auto.create.topics.enable=false")
@Import(TransactionServiceIntegrationTest.Fakes.class)
public abstract class TransactionServiceIntegrationTest {

    /** Generated per test JVM; never a real secret. */
    public static final String CALLBACK_SECRET = "test-callback-secret-generated-for-tests-only";

    protected static final TestTokens tokens = TestTokens.get();
    protected static final WireMockServer remote = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().globalTemplating(true));

    static {
        remote.start();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PlatformTestEnvironment.register(registry, "transactions");
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("transaction.clients.user-service-url", remote::baseUrl);
        registry.add("transaction.clients.partner-service-url", remote::baseUrl);
        registry.add("transaction.clients.risk-service-url", remote::baseUrl);
        registry.add("transaction.payments.providers.simulator.base-url", remote::baseUrl);
        registry.add("platform.audit.checkpoint-interval", () -> "1h");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @BeforeEach
    void remoteServicesAnswerNormally() {
        remote.resetAll();
        stubRisk("APPROVE");
        remote.stubFor(post(urlPathEqualTo("/payments/v1/payments")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"providerPaymentId\":\"pp-{{randomValue type='UUID'}}\",\"status\":\"PROCESSING\"}")));
        remote.stubFor(get(urlPathEqualTo("/payments/v1/statements")).willReturn(okJson("{\"items\":[]}")));
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    /** A payer known to the (stubbed) user-service. */
    public record Payer(String id, String token) {
    }

    /** A partner known to the (stubbed) partner-service, with a token of its API client. */
    public record Partner(UUID id, String type, String token) {
    }

    protected Payer payer(String status, String level, boolean canTransact) {
        String id = UUID.randomUUID().toString();
        stubPayer(id, status, level, canTransact);
        return new Payer(id, bearer(tokens.user(id, "user")));
    }

    protected Payer payer() {
        return payer("ACTIVE", "L2", true);
    }

    protected void stubPayer(String id, String status, String level, boolean canTransact) {
        remote.stubFor(get(urlPathEqualTo("/internal/v1/users/" + id + "/eligibility")).willReturn(okJson(
                "{\"userId\":\"" + id + "\",\"status\":\"" + status + "\",\"level\":\"" + level
                        + "\",\"canTransact\":" + canTransact + "}")));
    }

    protected Partner partner(String type) {
        return partner(type, "ACTIVE", true, "0.0500", 3);
    }

    protected Partner partner(String type, String status, boolean agreementActive, String rate, int days) {
        UUID id = UUID.randomUUID();
        stubPartner(id, type, status, agreementActive, rate, days);
        return new Partner(id, type, bearer(tokens.partner("service-account-partner-" + id, id.toString())));
    }

    protected void stubPartner(UUID id, String type, String status, boolean agreementActive, String rate, int days) {
        remote.stubFor(get(urlPathEqualTo("/internal/v1/partners/" + id + "/eligibility")).willReturn(okJson(
                "{\"partnerId\":\"" + id + "\",\"type\":\"" + type + "\",\"status\":\"" + status
                        + "\",\"grade\":\"B\",\"agreementActive\":" + agreementActive + ",\"commissionRate\":"
                        + (rate == null ? "null" : "\"" + rate + "\"") + ",\"fulfilmentDays\":"
                        + (agreementActive ? days : "null") + ",\"agreementId\":\"ag-" + id
                        + "\",\"agreementVersion\":1}")));
    }

    protected void stubRisk(String decision) {
        remote.stubFor(post(urlPathEqualTo("/internal/v1/risk/assessments")).willReturn(okJson("""
                {"assessmentId":"as-{{jsonPath request.body '$.transactionId'}}",
                 "transactionId":"{{jsonPath request.body '$.transactionId'}}",
                 "decision":"%s","score":%s,
                 "firedRules":[{"ruleId":"r-1","version":1,"name":"new account","score":10,"action":"%s"}],
                 "caseId":%s}
                """.formatted(decision, decision.equals("APPROVE") ? "10" : "70", decision,
                decision.equals("REVIEW") ? "\"case-{{jsonPath request.body '$.transactionId'}}\"" : "null"))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected static String staff(String role) {
        return bearer(tokens.user(role + "-" + UUID.randomUUID(), role));
    }

    protected static Map<String, Object> money(String amount, String currency) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", amount);
        money.put("currency", currency);
        return money;
    }

    protected static Map<String, Object> creation(String type, UUID partnerId, String amount, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("partnerId", partnerId.toString());
        body.put("amount", money(amount, currency));
        body.put("description", "parcel to Shanghai");
        return body;
    }

    protected ResultActions create(Payer payer, Partner partner, String amount) throws Exception {
        return postIdem("/api/v1/transactions", creation(typeFor(partner), partner.id(), amount, "CNY"),
                payer.token(), UUID.randomUUID().toString());
    }

    protected static String typeFor(Partner partner) {
        return switch (partner.type()) {
            case "LOGISTICS" -> "DELIVERY";
            case "MERCHANT" -> "ECOMMERCE";
            default -> "FINANCIAL";
        };
    }

    /** Creates an APPROVED transaction and returns its id. */
    protected UUID approved(Payer payer, Partner partner, String amount) throws Exception {
        JsonNode created = body(create(payer, partner, amount).andExpect(status().isCreated()));
        return UUID.fromString(created.get("id").asString());
    }

    protected ResultActions postIdem(String path, Object body, String authorization, String key) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : json.writeValueAsString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    protected ResultActions postJson(String path, Object body, String authorization) throws Exception {
        return postIdem(path, body, authorization, null);
    }

    protected ResultActions getJson(String path, String authorization) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return mvc.perform(request);
    }

    /** Confirms and pays an APPROVED transaction; returns the payment id (the callback has not come yet). */
    protected UUID confirmAndPay(UUID id, Payer payer, String method) throws Exception {
        postJson("/api/v1/transactions/" + id + "/confirmation", null, payer.token()).andExpect(status().isOk());
        JsonNode payment = body(postIdem("/api/v1/transactions/" + id + "/payments", Map.of("method", method),
                payer.token(), UUID.randomUUID().toString()).andExpect(status().isAccepted()));
        return UUID.fromString(payment.get("paymentId").asString());
    }

    /** A provider callback signed as the simulator signs it. */
    protected ResultActions callback(String provider, String body, long timestamp, String secret) throws Exception {
        byte[] raw = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/payments/callbacks/" + provider)
                .contentType(MediaType.APPLICATION_JSON).content(raw)
                .header(com.platform.transaction.payment.CallbackSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(com.platform.transaction.payment.CallbackSignature.SIGNATURE_HEADER,
                        com.platform.transaction.payment.CallbackSignature.sign(secret, timestamp, raw)));
    }

    protected ResultActions callback(UUID paymentId, String status, String amount, String currency) throws Exception {
        String body = "{\"paymentId\":\"" + paymentId + "\",\"providerPaymentId\":\"pp-1\",\"status\":\"" + status
                + "\",\"reason\":" + (status.equals("FAILED") ? "\"insufficient funds\"" : "null")
                + ",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}}";
        return callback("simulator", body, clock.instant().getEpochSecond(), CALLBACK_SECRET);
    }

    /** A PAID transaction: created, confirmed, paid and the success callback received. */
    protected UUID paid(Payer payer, Partner partner, String amount) throws Exception {
        UUID id = approved(payer, partner, amount);
        UUID paymentId = confirmAndPay(id, payer, "BANK_CARD");
        callback(paymentId, "SUCCEEDED", amount, "CNY").andExpect(status().isOk());
        return id;
    }

    protected JsonNode trialBalance() throws Exception {
        return body(getJson("/api/v1/ledger/trial-balance", staff("auditor")).andExpect(status().isOk()));
    }

    /** Balance of a ledger account for one transaction (debit positive). */
    protected long balance(UUID transactionId, String account) {
        return jdbc.queryForObject("select coalesce(sum(amount_minor), 0) from journal_posting where transaction_id = ?"
                + " and account = ?", Long.class, transactionId, account);
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    protected String statusOf(UUID transactionId) {
        return jdbc.queryForObject("select status from transaction where id = ?", String.class, transactionId);
    }

    /** Events published for one subject on our topic, in order, as envelopes. */
    protected List<JsonNode> eventsOf(String subject, int atLeast) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("platform.transactions.v1"));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (subject.equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
                return found.size() >= atLeast;
            });
        }
        return found;
    }

    /** Event types recorded in the outbox for a subject, in order (no broker round trip). */
    protected List<String> outboxTypes(Object subject) {
        return jdbc.queryForList("select event_type from outbox_event where aggregate_id = ? order by aggregate_sequence",
                String.class, subject.toString());
    }

    protected JsonNode outboxData(Object subject, String type) throws Exception {
        String payload = jdbc.queryForObject("select payload from outbox_event where aggregate_id = ? and event_type = ?"
                + " order by aggregate_sequence desc limit 1", String.class, subject.toString(), type);
        return json.readTree(payload);
    }

    /** Publishes a CloudEvent as risk-service's outbox would. */
    protected void publish(String id, String topic, String key, String type, Map<String, Object> data, Long sequence)
            throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", "/risk-service");
        envelope.put("type", type);
        envelope.put("subject", key);
        envelope.put("time", clock.instant().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        if (sequence != null) {
            envelope.put("aggregatesequence", sequence);
        }
        kafka.send(new ProducerRecord<>(topic, key, json.writeValueAsString(envelope))).get();
    }
}
