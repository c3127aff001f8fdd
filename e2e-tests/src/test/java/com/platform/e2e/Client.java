package com.platform.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a front end does: get tokens from Keycloak, call the gateway. */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Client() {
    }

    /** A token for a demo account through the direct password grant (enabled only in the local realm). */
    static String token(String username) throws Exception {
        String issuer = E2EStack.get().layout().keycloakIssuer();
        String form = "grant_type=password&client_id=platform-web&username=" + username + "&password="
                + URLEncoder.encode(E2EStack.get().demoPassword(username), StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /** A token for any account by its username (e-mail or E.164 phone) and password; empty if Keycloak refuses. */
    static java.util.Optional<String> login(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=platform-web&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        E2EStack.get().layout().keycloakIssuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200
                ? java.util.Optional.of(JSON.readTree(response.body()).path("access_token").asString())
                : java.util.Optional.empty();
    }

    /**
     * The first login of a just-verified account. Once in a CI run (after a restart of the stack) Keycloak refused
     * a phone login a few milliseconds after its verification had enabled it ({@code user_temporarily_disabled});
     * a person retrying a second later gets in, so the test does what the person does, for at most 30 s.
     */
    static String firstLogin(String username, String password) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> login(username, password), java.util.Optional::isPresent).orElseThrow();
    }

    /** A token by the client-credentials grant, as a service or a partner system gets one; empty if refused. */
    static java.util.Optional<String> clientToken(String clientId, String clientSecret) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        E2EStack.get().layout().keycloakIssuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200
                ? java.util.Optional.of(JSON.readTree(response.body()).path("access_token").asString())
                : java.util.Optional.empty();
    }

    /** The service account token of one of our services (for calling another service's internal API). */
    static String serviceToken(String module) throws Exception {
        return clientToken(module, E2EStack.get().clientSecret(module)).orElseThrow();
    }

    /** A JSON request straight to a service, past the gateway: what another service does on /internal/v1. */
    static HttpResponse<String> sendToService(String module, String method, String path, String token, Object body)
            throws Exception {
        String variable = module.substring(0, module.indexOf('-')).toUpperCase() + "_SERVICE_PORT";
        return send(URI.create("http://localhost:" + E2EStack.get().layout().env().get(variable) + path), method,
                token, body);
    }

    /** A JSON request through the gateway. */
    static HttpResponse<String> send(String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        return send(URI.create(gateway() + path), method, token, body, java.util.Map.of());
    }

    /** A JSON POST through the gateway with an {@code Idempotency-Key} (and any further headers). */
    static HttpResponse<String> post(String path, String token, Object body, String idempotencyKey,
            String... headers) throws IOException, InterruptedException {
        java.util.Map<String, String> all = new java.util.HashMap<>();
        all.put("Idempotency-Key", idempotencyKey);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return send(URI.create(gateway() + path), "POST", token, body, all);
    }

    private static HttpResponse<String> send(URI uri, String method, String token, Object body)
            throws IOException, InterruptedException {
        return send(uri, method, token, body, java.util.Map.of());
    }

    private static HttpResponse<String> send(URI uri, String method, String token, Object body,
            java.util.Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 2xx answer; anything else fails the test with the body. */
    static JsonNode ok(HttpResponse<String> response) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String gateway() {
        try {
            return E2EStack.gateway();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
