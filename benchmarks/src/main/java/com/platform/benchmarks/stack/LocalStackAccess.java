package com.platform.benchmarks.stack;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the benchmarks need from the running local stack: its ports (the same environment variables as
 * {@code ./platform up}), tokens from Keycloak's password grant for the demo accounts (passwords read from
 * {@code .platform/secrets.properties}, never printed) and a freshly registered person with a random password
 * that lives only in this JVM.
 */
public final class LocalStackAccess {

    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunRecord record;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LocalStackAccess(RunRecord record) {
        this.record = record;
    }

    public static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    public static String gateway() {
        return "http://localhost:" + port("GATEWAY_PORT", 8080);
    }

    public static String userService() {
        return "http://localhost:" + port("USER_SERVICE_PORT", 8081);
    }

    public static String partnerService() {
        return "http://localhost:" + port("PARTNER_SERVICE_PORT", 8082);
    }

    public static String transactionService() {
        return "http://localhost:" + port("TRANSACTION_SERVICE_PORT", 8083);
    }

    public static String riskService() {
        return "http://localhost:" + port("RISK_SERVICE_PORT", 8084);
    }

    /** JDBC URL of one of the stack's databases (users, partners, transactions, risk); user postgres, no password. */
    public static String database(String name) {
        return "jdbc:postgresql://localhost:" + postgresPort() + "/" + name;
    }

    static String keycloak() {
        return "http://localhost:" + port("KEYCLOAK_PORT", 8180);
    }

    public static int postgresPort() {
        return port("POSTGRES_PORT", 5432);
    }

    public String secret(String key) throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(record.repository().resolve(".platform/secrets.properties"))) {
            secrets.load(reader);
        }
        String value = secrets.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not in .platform/secrets.properties: start the stack first");
        }
        return value;
    }

    /** An access token of a demo account ({@code auditor}, {@code admin}, ...). */
    public String demoToken(String username) throws IOException, InterruptedException {
        return token(username, secret("password.demo." + username));
    }

    public String token(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak()
                        + "/realms/platform/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "platform-web", "username", username, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** A token by the client-credentials grant of a service's own client ({@code transaction-service}, ...). */
    public String serviceToken(String module) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak()
                        + "/realms/platform/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials",
                        "client_id", module, "client_secret", secret("password.client." + module))))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + module + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** Registers a person by e-mail at user-service, verifies the code from the local inbox: their tokens. */
    public FreshToken registeredPersonTokens() throws IOException, InterruptedException {
        return registered("PERSON").tokens();
    }

    /** Someone registered and verified for the run (level L1), with a token renewed before it expires. */
    public record Registered(String userId, String email, FreshToken tokens) {

        /** The token now. */
        public String token() {
            return tokens.current();
        }
    }

    /** Registers an account of this type ({@code PERSON} or {@code ENTERPRISE}) by e-mail and verifies it. */
    public Registered registered(String accountType) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return registerOnce(accountType);
            }
            catch (IllegalStateException e) {
                // a cold service (its first Keycloak call) under the machine's other load may time out once
                if (attempt == 3) {
                    throw e;
                }
                System.out.println("registration failed (" + e.getMessage() + "); again");
            }
        }
    }

    private Registered registerOnce(String accountType) throws IOException, InterruptedException {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        JsonNode registered = JSON.readTree(post(userService() + "/api/v1/registrations", JSON.writeValueAsString(Map.of(
                "channel", "EMAIL", "email", email, "password", password, "displayName", "Bench Person",
                "accountType", accountType))));
        String code = null;
        for (int attempt = 0; attempt < 40 && code == null; attempt++) {
            Thread.sleep(500);
            code = codeSentTo(email);
        }
        if (code == null) {
            throw new IllegalStateException("no verification code arrived for the benchmark's registration");
        }
        post(userService() + "/api/v1/registrations/" + registered.get("registrationId").asString() + "/verification",
                JSON.writeValueAsString(Map.of("code", code)));
        return new Registered(registered.get("userId").asString(), email, new FreshToken(() -> token(email, password)));
    }

    /** JSON text as a tree, to send as a body. */
    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** A JSON request; anything but 2xx is an error naming the status and the problem's code. */
    public JsonNode send(String method, String url, String token, Object body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private String codeSentTo(String email) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port("MAIL_API_PORT", 8025) + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "/messages/INBOX")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        Matcher matcher = CODE.matcher(response.body());
        String code = null;
        while (matcher.find()) {
            code = matcher.group(1);
        }
        return code;
    }

    private String post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
