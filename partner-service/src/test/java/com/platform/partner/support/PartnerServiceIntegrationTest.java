package com.platform.partner.support;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.platform.partner.partner.CreditCode;
import com.platform.testsupport.MutableClock;
import com.platform.testsupport.PlatformTestEnvironment;
import com.platform.testsupport.TestTokens;


import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One Spring context for partner-service's integration tests: real PostgreSQL and Kafka, a real SMTP server
 * (GreenMail), WireMock for the credit bureau, the local token issuer, an in-memory {@link InMemoryPartnerClients}
 * in place of Keycloak and a clock tests can move forward. Timed jobs are run by the tests themselves.
 */
@SpringBootTest(properties = {
        "partner.jobs.credit-retry=1h", "partner.jobs.agreement-dates=1h", "partner.jobs.client-revocation=1h",
        "partner.jobs.webhook-delivery=1h", "partner.jobs.supervision=1h",
        "partner.webhooks.allow-loopback-targets=true",
        "logging.level.com.icegreen=WARN"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {"platform.partners.v1", "platform.partner-quotas.v1",
        "platform.transactions.v1", "platform.partners.v1.dlt", "platform.partner-quotas.v1.dlt",
        "platform.transactions.v1.dlt"}, brokerProperties = "auto.create.topics.enable=false")
@Import(PartnerServiceIntegrationTest.Fakes.class)
public abstract class PartnerServiceIntegrationTest {

    protected static final TestTokens tokens = TestTokens.get();
    protected static final WireMockServer bureau = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    protected static final GreenMail mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));

    static {
        bureau.start();
        mailServer.start();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        InMemoryPartnerClients inMemoryPartnerClients() {
            return new InMemoryPartnerClients();
        }

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PlatformTestEnvironment.register(registry, "partners");
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("partner.credit-bureau.base-url", bureau::baseUrl);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
        registry.add("platform.audit.checkpoint-interval", () -> "1h");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected InMemoryPartnerClients keycloak;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    @Autowired
    protected com.platform.partner.admission.CreditBureau creditBureau;

    private static boolean warmedUp;

    @BeforeEach
    void thirdPartiesAnswerNormally() {
        keycloak.comeBack();
        bureau.resetAll();
        bureau.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/credit/v1/companies/.*/score"))
                .willReturn(okJson("{\"creditCode\":\"x\",\"score\":720,\"rating\":\"A\"}")));
        if (!warmedUp) {
            // the first Feign call of a cold JVM can outlast the bureau's 2 s time limit: not what tests are about
            try {
                creditBureau.score(new CreditCode(freshCreditCode()));
            }
            catch (RuntimeException ignored) {
                // warming up only
            }
            warmedUp = true;
        }
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected static String staff(String role) {
        return bearer(tokens.user(role + "-" + UUID.randomUUID(), role));
    }

    protected static String staff(String subject, String role) {
        return bearer(tokens.user(subject, role));
    }

    protected static String enterprise(String subject) {
        return bearer(tokens.user(subject, "enterprise"));
    }

    protected static String partnerToken(UUID partnerId) {
        return bearer(tokens.partner("service-account-partner-" + partnerId, partnerId.toString()));
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    protected ResultActions post(String path, Object body, String authorization) throws Exception {
        var request = MockMvcRequestBuilders.post(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON)
                    .content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return mvc.perform(request);
    }

    protected ResultActions get(String path, String authorization) throws Exception {
        var request = MockMvcRequestBuilders.get(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return mvc.perform(request);
    }

    /** A random valid unified social credit code (right syntax and check character). */
    public static String freshCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("91");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            code.append(random.nextInt(1, 10));
        }
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }

    /** A map of alternating keys and values, in order (Map.of stops at ten pairs). */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static String freshEmail() {
        return "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A complete, valid application body for the type. */
    protected static Map<String, Object> application(String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyName", "Postal Logistics Co " + UUID.randomUUID().toString().substring(0, 4));
        body.put("creditCode", freshCreditCode());
        body.put("type", type);
        body.put("licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999));
        body.put("licenseExpiresOn", LocalDate.now().plusYears(3).toString());
        List<Map<String, Object>> qualifications = new ArrayList<>();
        if (type.equals("PAYMENT_INSTITUTION")) {
            qualifications.add(Map.of("kind", "PAYMENT_BUSINESS_LICENSE", "number", "PBL-1",
                    "expiresOn", LocalDate.now().plusYears(2).toString()));
        }
        if (type.equals("LOGISTICS")) {
            qualifications.add(Map.of("kind", "EXPRESS_DELIVERY_PERMIT", "number", "EDP-1",
                    "expiresOn", LocalDate.now().plusYears(2).toString()));
        }
        body.put("qualifications", qualifications);
        body.put("contacts", List.of(Map.of("name", "Wang Fang", "email", freshEmail(), "phone", "+8613912345678")));
        body.put("serviceRegions", List.of("310000", "320000"));
        body.put("capabilities", List.of("PARCEL_DELIVERY"));
        return body;
    }

    public record Applicant(String subject, String token, UUID applicationId, JsonNode submitted) {
    }

    /** An enterprise account applies with a valid application of the type. */
    protected Applicant apply(String type) throws Exception {
        return apply(application(type));
    }

    protected Applicant apply(Map<String, Object> application) throws Exception {
        String subject = UUID.randomUUID().toString();
        String token = enterprise(subject);
        JsonNode submitted = body(post("/api/v1/partner-applications", application, token)
                .andExpect(status().isCreated()));
        return new Applicant(subject, token, UUID.fromString(submitted.get("id").asString()), submitted);
    }

    public record Admitted(UUID partnerId, Applicant applicant) {
    }

    /** An application approved by an operator (two for a payment institution): an ADMITTED partner. */
    protected Admitted admitted(String type) throws Exception {
        Applicant applicant = apply(type);
        Map<String, Object> approve = Map.of("decision", "APPROVE", "reasons", List.of("all conditions met"));
        JsonNode reviewed = body(post("/api/v1/partner-applications/" + applicant.applicationId() + "/reviews",
                approve, staff("operator")).andExpect(status().isOk()));
        if (type.equals("PAYMENT_INSTITUTION")) {
            reviewed = body(post("/api/v1/partner-applications/" + applicant.applicationId() + "/reviews", approve,
                    staff("operator")).andExpect(status().isOk()));
        }
        return new Admitted(UUID.fromString(reviewed.get("partnerId").asString()), applicant);
    }

    /** Valid agreement terms. */
    protected static Map<String, Object> terms(int quota, LocalDate startsOn, LocalDate endsOn, int noticeDays) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("cooperationMode", "PLATFORM_SERVICE");
        terms.put("startsOn", startsOn.toString());
        terms.put("endsOn", endsOn.toString());
        terms.put("rightsAndObligations", "The partner fulfils orders; the platform settles within 7 days.");
        terms.put("confidentiality", "Both sides keep customer data confidential.");
        terms.put("breachLiability", "Damages as provided by law.");
        terms.put("commissionRate", "0.0500");
        terms.put("fulfilmentDays", 3);
        terms.put("apiQuotaPerMinute", quota);
        terms.put("terminationNoticeDays", noticeDays);
        return terms;
    }

    protected static Map<String, Object> terms(int quota) {
        return terms(quota, LocalDate.now(), LocalDate.now().plusYears(1), 0);
    }

    public record Signed(UUID partnerId, UUID agreementId, Applicant applicant, String clientId,
            String clientSecret) {
    }

    /** Drafted, proposed and signed by the applicant: an ACTIVE partner with its API client. */
    protected Signed signed(String type, Map<String, Object> terms) throws Exception {
        Admitted admitted = admitted(type);
        UUID agreementId = proposed(admitted.partnerId(), terms);
        JsonNode accepted = body(post("/api/v1/partners/" + admitted.partnerId() + "/agreements/" + agreementId
                + "/acceptance", null, admitted.applicant().token()).andExpect(status().isOk()));
        return new Signed(admitted.partnerId(), agreementId, admitted.applicant(),
                accepted.get("clientId").asString(), accepted.get("clientSecret").asString());
    }

    protected Signed signed(String type) throws Exception {
        return signed(type, terms(120));
    }

    protected UUID proposed(UUID partnerId, Map<String, Object> terms) throws Exception {
        String operator = staff("operator");
        JsonNode draft = body(post("/api/v1/partners/" + partnerId + "/agreements", terms, operator)
                .andExpect(status().isCreated()));
        UUID agreementId = UUID.fromString(draft.get("id").asString());
        post("/api/v1/partners/" + partnerId + "/agreements/" + agreementId + "/proposal", null, operator)
                .andExpect(status().isOk());
        return agreementId;
    }

    /** Records of one key on a topic, as CloudEvents, once at least {@code atLeast} arrived. */
    protected List<JsonNode> eventsOn(String topic, String key, int atLeast) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
                return found.size() >= atLeast;
            });
        }
        return found;
    }

    /** Event types recorded in the outbox for one aggregate, in order. */
    protected List<String> outboxTypes(String topic, Object aggregateId) {
        return jdbc.queryForList("select event_type from outbox_event where topic = ? and aggregate_id = ? "
                + "order by aggregate_sequence", String.class, topic, aggregateId.toString());
    }

    protected JsonNode lastOutboxData(String topic, Object aggregateId, String type) {
        String payload = jdbc.queryForObject("select payload from outbox_event where topic = ? and aggregate_id = ? "
                + "and event_type = ? order by aggregate_sequence desc limit 1", String.class, topic,
                aggregateId.toString(), type);
        return json.readTree(payload);
    }

    /** Publishes a CloudEvent as transaction-service's outbox would; returns its id. */
    protected String publish(String topic, String key, String type, Map<String, Object> data, Long sequence)
            throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, topic, key, type, data, sequence);
        return id;
    }

    protected void publish(String id, String topic, String key, String type, Map<String, Object> data,
            Long sequence) throws Exception {
        Map<String, Object> envelope = new HashMap<>(Map.of("specversion", "1.0", "id", id,
                "source", "/transaction-service", "type", type, "subject", key, "time", clock.instant().toString(),
                "datacontenttype", "application/json", "data", data));
        if (sequence != null) {
            envelope.put("aggregatesequence", sequence);
        }
        kafka.send(new ProducerRecord<>(topic, key, json.writeValueAsString(envelope))).get();
    }
}
