package com.platform.risk.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.platform.testsupport.MutableClock;
import com.platform.testsupport.PlatformTestEnvironment;
import com.platform.testsupport.TestTokens;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One Spring context for risk-service's integration tests: real PostgreSQL and Kafka, the local token issuer and a
 * clock tests can move forward. Keep the annotations and properties here only, so every test class shares it.
 */
@SpringBootTest(properties = {"logging.level.com.icegreen=WARN",
        // timed jobs are run by the tests themselves
        "risk.jobs.kri-computation=1h", "risk.alerts.mailbox=risk-desk@example.test", "risk.alerts.cool-down=2h"})
@AutoConfigureMockMvc
// topics exist before the service starts and the broker creates none on first use, as in the local stack
@EmbeddedKafka(partitions = 1, topics = {"platform.users.v1", "platform.partners.v1", "platform.transactions.v1",
        "platform.risk.v1", "platform.users.v1.dlt", "platform.partners.v1.dlt", "platform.transactions.v1.dlt",
        "platform.risk.v1.dlt"}, brokerProperties = "auto.create.topics.enable=false")
@Import(RiskServiceIntegrationTest.Fakes.class)
public abstract class RiskServiceIntegrationTest {

    protected static final TestTokens tokens = TestTokens.get();
    protected static final GreenMail mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));

    static {
        mailServer.start();
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
        PlatformTestEnvironment.register(registry, "risk");
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        // a checkpoint a minute would add outbox rows under tests that count them; the starter tests the sealing
        registry.add("platform.audit.checkpoint-interval", () -> "1h");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
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

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected static String service() {
        return bearer(tokens.service());
    }

    /** The first demo risk officer (the maker); {@link #risk2()} is the second (the checker). */
    protected static String risk1() {
        return bearer(tokens.user("risk1", "risk_officer"));
    }

    protected static String risk2() {
        return bearer(tokens.user("risk2", "risk_officer"));
    }

    protected static String staff(String role) {
        return bearer(tokens.user(role + "-" + UUID.randomUUID(), role));
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    protected ResultActions postJson(String path, Object body, String authorization) throws Exception {
        return send(MockMvcRequestBuilders.post(path), body, authorization);
    }

    protected ResultActions putJson(String path, Object body, String authorization) throws Exception {
        return send(MockMvcRequestBuilders.put(path), body, authorization);
    }

    protected ResultActions get(String path, String authorization) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).header("Authorization", authorization));
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            Object body, String authorization) throws Exception {
        request.contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : json.writeValueAsString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return mvc.perform(request);
    }

    // --- fixtures: the local views as their consumers would have left them

    /** A payer the view knows: level, status and account age as given, no violation. */
    protected UUID payer(int level, String status, Duration age) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into payer_view (user_id, level, status, registered_at, updated_at) values (?, ?, ?, ?, now())",
                id, level, status, Timestamp.from(clock.instant().minus(age)));
        return id;
    }

    /** A verified (L2), active payer of long standing. */
    protected UUID goodPayer() {
        return payer(2, "ACTIVE", Duration.ofDays(400));
    }

    protected UUID partner(String status, String grade) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into partner_view (partner_id, type, status, grade, updated_at) values (?, 'MERCHANT', ?, ?, now())",
                id, status, grade);
        return id;
    }

    protected UUID goodPartner() {
        return partner("ACTIVE", "B");
    }

    // --- the internal API

    protected Map<String, Object> assessment(UUID payerId, UUID partnerId, String amount) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("transactionId", UUID.randomUUID().toString());
        request.put("type", "ECOMMERCE");
        request.put("payerId", payerId.toString());
        request.put("partnerId", partnerId.toString());
        request.put("amount", Map.of("amount", amount, "currency", "CNY"));
        request.put("occurredAt", clock.instant().toString());
        return request;
    }

    protected JsonNode assess(Map<String, Object> request) throws Exception {
        return body(postJson("/internal/v1/risk/assessments", request, service()).andExpect(status().isOk()));
    }

    protected JsonNode assess(UUID payerId, UUID partnerId, String amount) throws Exception {
        return assess(assessment(payerId, partnerId, amount));
    }

    protected static List<String> firedNames(JsonNode assessed) {
        List<String> names = new ArrayList<>();
        assessed.get("firedRules").forEach(r -> names.add(r.get("name").asString()));
        return names;
    }

    /** Creates a rule as risk1 and, if LIVE, has risk2 approve it; returns the rule. */
    protected JsonNode ruleInForce(String name, String expression, int score, String action, String mode)
            throws Exception {
        JsonNode rule = body(postJson("/api/v1/risk/rules", Map.of("name", name, "expression", expression, "score",
                score, "action", action, "mode", mode), risk1()).andExpect(status().isCreated()));
        if (mode.equals("LIVE")) {
            rule = body(postJson("/api/v1/risk/rules/" + rule.get("id").asString() + "/approval", Map.of(), risk2())
                    .andExpect(status().isOk()));
        }
        return rule;
    }

    // --- events

    /** Publishes a CloudEvent as another service's outbox would; returns its id. */
    protected String publish(String topic, String key, String type, Long sequence, Map<String, Object> data)
            throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, Object> envelope = new HashMap<>(Map.of("specversion", "1.0", "id", id, "source", "/test",
                "type", type, "subject", key, "time", clock.instant().toString(), "datacontenttype",
                "application/json", "data", data));
        if (sequence != null) {
            envelope.put("aggregatesequence", sequence);
        }
        kafka.send(new ProducerRecord<>(topic, key, json.writeValueAsString(envelope))).get();
        return id;
    }

    /** Waits until the named consumer has recorded the event as processed. */
    protected void awaitProcessed(String consumer, String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where consumer = ? and event_id = ?", Long.class, consumer,
                eventId) > 0);
    }

    /** Waits until a consumer has recorded the event as processed. */
    protected void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Long.class, eventId) > 0);
    }

    /** Events on platform.risk.v1 with the given key, once at least one matches. */
    protected List<JsonNode> riskEvents(String key, Predicate<List<JsonNode>> enough) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("platform.risk.v1"));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
                return enough.test(found);
            });
        }
        return found;
    }

    protected long auditEntries(String action, String targetId) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and target_id = ?", Long.class,
                action, targetId);
    }

    protected Instant now() {
        return clock.instant();
    }
}
