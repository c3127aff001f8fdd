package com.platform.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import com.platform.localstack.simulator.PaymentSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulator process exactly as ./platform up starts it ({@link Components#simulator()}: wiremock-standalone,
 * local-stack's mappings, the payment extension), calling back a real HTTP receiver standing in for
 * transaction-service. The signature is checked with an HMAC computed here, independently of the extension, by
 * transaction-service's rule (README, "Payments and callbacks").
 */
class PaymentSimulatorProcessTests {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration DELAY = Duration.ofMillis(1500);

    @TempDir
    Path repository;

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    /** The first callback is answered 404, as transaction-service does before the payment's initiation commits. */
    private final AtomicBoolean firstAnswered404 = new AtomicBoolean();
    private HttpServer receiver;
    private StackLayout layout;
    private Components components;
    private ChildProcess simulator;

    record Callback(String path, String timestamp, String signature, byte[] body, Instant receivedAt, int answered) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void startSimulator() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = firstAnswered404.compareAndSet(false, true) ? 404 : 200;
            callbacks.add(new Callback(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Signature-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Signature"), body, Instant.now(), status));
            byte[] answer = "{\"outcome\":\"APPLIED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();

        // a repository of its own: the real mappings, the standalone jar from this classpath (as target/tools has it)
        Path tools = Files.createDirectories(repository.resolve("local-stack/target/tools"));
        Files.createSymbolicLink(tools.resolve("wiremock-standalone.jar"),
                Path.of(WireMockServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        Files.createSymbolicLink(repository.resolve("local-stack/wiremock"), Path.of("wiremock").toAbsolutePath());
        layout = StackLayout.isolated(repository, home, Map.of("SIMULATOR_PORT", String.valueOf(freePort()),
                "TRANSACTION_SERVICE_PORT", String.valueOf(receiver.getAddress().getPort()),
                "PAYMENT_SIMULATOR_CALLBACK_DELAY_MS", String.valueOf(DELAY.toMillis())));
        components = new Components(layout, Secrets.load(layout));
        simulator = start();
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
        receiver.stop(0);
    }

    private ChildProcess start() throws Exception {
        ChildProcess process = components.simulator();
        process.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> process.healthy() || process.exited());
        assertThat(process.healthy()).as("simulator started; log: %s", layout.log("simulator")).isTrue();
        return process;
    }

    @Test
    void callsBackSignedAfterTheDelayDeclinesAmountsEndingIn13AndListsBothOnTheStatement() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        UUID paid = UUID.randomUUID();
        UUID declined = UUID.randomUUID();

        Instant sent = Instant.now();
        HttpResponse<String> accepted = pay(paid, "BANK_CARD", "120.00");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(callbacks).as("nothing is called back before the answer").isEmpty();
        String providerPaymentId = JSON.readTree(accepted.body()).get("providerPaymentId").asString();
        assertThat(JSON.readTree(accepted.body()).get("status").asString()).isEqualTo("PROCESSING");
        assertThat(pay(declined, "BANK_TRANSFER", "100.13").statusCode()).isEqualTo(202);

        // the first callback is answered 404 and retried; then both results arrive
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(paid) != null && delivered(declined) != null);
        String secret = components.service(PlatformService.TRANSACTION).environment()
                .get("PAYMENT_SIMULATOR_CALLBACK_SECRET");
        assertThat(secret).isNotBlank();
        for (Callback callback : callbacks) {
            assertThat(callback.path()).isEqualTo("/api/v1/payments/callbacks/simulator");
            assertThat(callback.signature()).isEqualTo(independentSignature(secret, callback.timestamp(), callback.body()));
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(callback.timestamp())))
                    .as("within transaction-service's 5-minute window").isLessThan(300);
            assertThat(Duration.between(sent, callback.receivedAt())).as("delayed").isGreaterThanOrEqualTo(DELAY);
        }
        assertThat(callbacks.getFirst().answered()).isEqualTo(404);
        assertThat(callbacks).as("the refused callback was retried").hasSizeGreaterThanOrEqualTo(3);

        JsonNode success = delivered(paid).json();
        assertThat(success.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(success.get("providerPaymentId").asString()).isEqualTo(providerPaymentId);
        assertThat(success.get("amount").get("amount").asString()).isEqualTo("120.00");
        assertThat(success.get("amount").get("currency").asString()).isEqualTo("CNY");
        assertThat(success.has("reason")).isFalse();
        JsonNode failure = delivered(declined).json();
        assertThat(failure.get("status").asString()).isEqualTo("FAILED");
        assertThat(failure.get("reason").asString()).isEqualTo(PaymentSimulator.DECLINED_REASON);

        // the same payment again (the provider's idempotency): the first answer, not a second payment
        HttpResponse<String> replay = pay(paid, "BANK_CARD", "120.00");
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(replay.body()).get("providerPaymentId").asString()).isEqualTo(providerPaymentId);
        assertThat(pay(paid, "BANK_CARD", "99.00").statusCode()).as("another payment under the same id").isEqualTo(409);

        Instant after = Instant.now().plusSeconds(1);
        JsonNode statement = statement(before, after);
        assertThat(statement.get("items")).hasSize(2);
        assertThat(line(statement, paid).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(line(statement, paid).get("providerPaymentId").asString()).isEqualTo(providerPaymentId);
        assertThat(line(statement, paid).get("amount").get("amount").asString()).isEqualTo("120.00");
        assertThat(line(statement, declined).get("status").asString()).isEqualTo("FAILED");
        assertThat(line(statement, declined).get("amount").get("amount").asString()).isEqualTo("100.13");
        assertThat(statement(before.minusSeconds(3600), before).get("items")).as("another period").isEmpty();

        // a restart keeps the statement (under the stack's home, wiped by ./platform reset with the databases)
        simulator.stop();
        simulator = start();
        assertThat(statement(before, after).get("items")).as("log: %s", Files.readString(layout.log("simulator")))
                .hasSize(2);
        assertThat(Files.readString(layout.log("simulator"))).as("the secret is never logged").doesNotContain(secret);
    }

    @Test
    void refusesMalformedPaymentsAndStatementPeriods() throws Exception {
        assertThat(post("{\"paymentId\":\"not-a-uuid\"}", null).statusCode()).isEqualTo(400);
        assertThat(post("not json", null).statusCode()).isEqualTo(400);
        UUID id = UUID.randomUUID();
        assertThat(post(body(id, "BANK_CARD", "-1.00"), id.toString()).statusCode()).isEqualTo(400);
        assertThat(post(body(id, "BANK_CARD", "1.00"), UUID.randomUUID().toString()).statusCode())
                .as("Idempotency-Key is the paymentId").isEqualTo(400);
        assertThat(get("/payments/v1/statements?from=yesterday&to=today").statusCode()).isEqualTo(400);
        assertThat(get("/payments/v1/statements").statusCode()).isEqualTo(400);
    }

    private Callback delivered(UUID paymentId) {
        return callbacks.stream()
                .filter(c -> c.answered() == 200 && c.json().get("paymentId").asString().equals(paymentId.toString()))
                .findFirst().orElse(null);
    }

    private static JsonNode line(JsonNode statement, UUID paymentId) {
        for (JsonNode item : statement.get("items")) {
            if (item.get("paymentId").asString().equals(paymentId.toString())) {
                return item;
            }
        }
        throw new AssertionError("not on the statement: " + paymentId);
    }

    private static String independentSignature(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signed = (timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed));
    }

    private HttpResponse<String> pay(UUID paymentId, String method, String amount) throws Exception {
        return post(body(paymentId, method, amount), paymentId.toString());
    }

    private static String body(UUID paymentId, String method, String amount) {
        // one transaction per payment in these tests
        UUID transactionId = UUID.nameUUIDFromBytes(paymentId.toString().getBytes(StandardCharsets.UTF_8));
        return "{\"paymentId\":\"" + paymentId + "\",\"transactionId\":\"" + transactionId + "\",\"method\":\""
                + method + "\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"CNY\"},"
                + "\"callbackPath\":\"/api/v1/payments/callbacks/simulator\"}";
    }

    private HttpResponse<String> post(String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(simulatorUri("/payments/v1/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode statement(Instant from, Instant to) throws Exception {
        HttpResponse<String> response = get("/payments/v1/statements?from=" + from + "&to=" + to);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(simulatorUri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI simulatorUri(String path) {
        return URI.create("http://localhost:" + layout.simulatorPort() + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
