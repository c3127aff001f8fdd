package com.platform.user.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
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

import com.platform.testsupport.MutableClock;
import com.platform.testsupport.PlatformTestEnvironment;
import com.platform.testsupport.TestTokens;
import com.platform.user.directory.UserDirectory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One Spring context for user-service's integration tests: real PostgreSQL and Kafka, a real SMTP server
 * (GreenMail), WireMock for the third parties (SMS and identity providers), the local token issuer, an in-memory
 * {@link UserDirectory} in place of Keycloak and a clock tests can move forward. Keep the annotations and
 * properties here only, so every test class shares the context.
 */
@SpringBootTest(properties = {
        // timed jobs are run by the tests themselves
        "user.jobs.penalty-expiry=1h", "user.jobs.identity-retry=1h", "user.jobs.registration-cleanup=1h",
        "user.jobs.role-change-retry=1h",
        // the test SMTP server logs mailbox names; our own code must not (asserted in the tests)
        "logging.level.com.icegreen=WARN"})
@AutoConfigureMockMvc
// topics exist before the service starts and the broker creates none on first use, as in the local stack
@EmbeddedKafka(partitions = 1, topics = {"platform.users.v1", "platform.risk.v1", "platform.transactions.v1",
        "platform.users.v1.dlt", "platform.risk.v1.dlt", "platform.transactions.v1.dlt"},
        brokerProperties = "auto.create.topics.enable=false")
@Import(UserServiceIntegrationTest.Fakes.class)
public abstract class UserServiceIntegrationTest {

    protected static final TestTokens tokens = TestTokens.get();
    protected static final HeldResponses heldResponses = new HeldResponses();
    protected static final WireMockServer thirdParties = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().extensions(heldResponses));
    protected static final GreenMail mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");

    static {
        thirdParties.start();
        mailServer.start();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        InMemoryUserDirectory inMemoryUserDirectory(MutableClock clock) {
            return new InMemoryUserDirectory(clock);
        }

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PlatformTestEnvironment.register(registry, "users");
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("user.sms.base-url", thirdParties::baseUrl);
        registry.add("user.identity-provider.base-url", thirdParties::baseUrl);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
        // a checkpoint a minute would add outbox rows under tests that count them; the starter tests the sealing
        registry.add("platform.audit.checkpoint-interval", () -> "1h");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected InMemoryUserDirectory directory;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @BeforeEach
    void thirdPartiesAnswerNormally() {
        heldResponses.release();
        directory.comeBack();
        thirdParties.resetAll();
        thirdParties.stubFor(post(urlPathEqualTo("/sms/v1/messages"))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"messageId\":\"m-1\",\"status\":\"ACCEPTED\"}")));
        thirdParties.stubFor(post(urlPathEqualTo("/identity/v1/verifications"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"verificationId\":\"idv-1\",\"result\":\"MATCH\"}")));
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected String userToken(UUID userId) {
        return bearer(tokens.user(userId.toString(), "user"));
    }

    protected String staffToken(String role) {
        return bearer(tokens.user(role + "-" + UUID.randomUUID(), role));
    }

    protected String staffToken(String subject, String role) {
        return bearer(tokens.user(subject, role));
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    protected ResultActions postJson(String path, Object body, String authorization) throws Exception {
        var request = MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return mvc.perform(request);
    }

    /** A unique, valid e-mail address for one test. */
    protected static String freshEmail() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A unique, valid mainland mobile number for one test. */
    protected static String freshPhone() {
        return "+86139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    /** The code in the newest e-mail to the address. */
    protected static String codeMailedTo(String email) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(email).isEmpty());
        List<MimeMessage> mails = mailsTo(email);
        return code(GreenMailUtil.getBody(mails.get(mails.size() - 1)));
    }

    protected static List<MimeMessage> mailsTo(String email) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            try {
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    if (recipient.toString().equalsIgnoreCase(email)) {
                        found.add(message);
                    }
                }
            }
            catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The code in the newest SMS the provider was asked to send to the number. */
    protected static String codeTextedTo(String phone) {
        List<LoggedRequest> sent = thirdParties.findAll(postRequestedFor(urlPathEqualTo("/sms/v1/messages"))
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(phone))));
        if (sent.isEmpty()) {
            throw new AssertionError("no SMS to the number");
        }
        return code(sent.get(sent.size() - 1).getBodyAsString());
    }

    private static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no code in message");
        }
        return matcher.group(1);
    }

    public record Person(UUID userId, UUID registrationId, String email, String token) {
    }

    /** Registers by e-mail and verifies: an ACTIVE L1 account and a token for it. */
    protected Person activePerson() throws Exception {
        return activePerson("PERSON");
    }

    protected Person activePerson(String accountType) throws Exception {
        String email = freshEmail();
        JsonNode registered = body(postJson("/api/v1/registrations", Map.of("channel", "EMAIL", "email", email,
                "password", "correct horse battery", "displayName", "Li Lei", "accountType", accountType), null)
                .andExpect(status().isCreated()));
        UUID registrationId = UUID.fromString(registered.get("registrationId").asString());
        UUID userId = UUID.fromString(registered.get("userId").asString());
        postJson("/api/v1/registrations/" + registrationId + "/verification", Map.of("code", codeMailedTo(email)),
                null).andExpect(status().isOk());
        String role = accountType.equals("ENTERPRISE") ? "enterprise" : "user";
        return new Person(userId, registrationId, email, bearer(tokens.user(userId.toString(), role)));
    }

    /** Events of one user published through the outbox, in order, as {type -> data} pairs. */
    protected List<JsonNode> eventsOf(UUID userId, int atLeast) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("platform.users.v1"));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (userId.toString().equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
                return found.size() >= atLeast;
            });
        }
        return found;
    }

    /** Publishes a CloudEvent as another service's outbox would; returns its id. */
    protected String publish(String topic, String key, String type, Map<String, Object> data) throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, topic, key, type, data);
        return id;
    }

    /** Publishes a CloudEvent with a given id (a redelivery has the same id). */
    protected void publish(String id, String topic, String key, String type, Map<String, Object> data)
            throws Exception {
        Map<String, Object> envelope = Map.of("specversion", "1.0", "id", id,
                "source", topic.contains("risk") ? "risk-service" : "transaction-service", "type", type,
                "subject", key, "time", clock.instant().toString(), "datacontenttype", "application/json",
                "data", data);
        kafka.send(new ProducerRecord<>(topic, key, json.writeValueAsString(envelope))).get();
    }
}
