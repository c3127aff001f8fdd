package com.platform.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What user-service relies on in the realm (U2): with its own service account it can create accounts through
 * Keycloak's admin API, a person registered by phone only (no e-mail, no name) can log in with the E.164 number,
 * and a partner staff member's token carries the partner id.
 */
@ExtendWith(E2EStack.class)
class KeycloakRealmE2ETest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> form(String url, String form, String basicAuth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String userServiceToken() throws Exception {
        String issuer = E2EStack.get().layout().keycloakIssuer();
        HttpResponse<String> response = form(issuer + "/protocol/openid-connect/token",
                "grant_type=client_credentials", "user-service:" + E2EStack.get().clientSecret("user-service"));
        assertThat(response.statusCode()).isEqualTo(200);
        return Client.JSON.readTree(response.body()).path("access_token").asString();
    }

    private static void createUser(String representation) throws Exception {
        String admin = E2EStack.get().layout().keycloakIssuer().replace("/realms/", "/admin/realms/") + "/users";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(admin))
                .header("Authorization", "Bearer " + userServiceToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(representation)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static HttpResponse<String> login(String username, String password) throws Exception {
        return form(E2EStack.get().layout().keycloakIssuer() + "/protocol/openid-connect/token",
                "grant_type=password&client_id=platform-web&username=" + URLEncoder.encode(username,
                        StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
                null);
    }

    private static JsonNode claims(HttpResponse<String> tokenResponse) {
        String token = Client.JSON.readTree(tokenResponse.body()).path("access_token").asString();
        return Client.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }

    @Test
    void aPersonRegisteredByPhoneOnlyLogsInWithTheNumber() throws Exception {
        String phone = "+86139" + String.format("%08d", (int) (Math.random() * 100_000_000));
        String password = "pw-" + UUID.randomUUID();
        createUser("{\"username\":\"" + phone + "\",\"enabled\":true,\"credentials\":[{\"type\":\"password\","
                + "\"value\":\"" + password + "\",\"temporary\":false}]}");

        HttpResponse<String> login = login(phone, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(claims(login).path("aud").toString()).contains("platform-api");
    }

    @Test
    void aPartnerStaffTokenCarriesThePartnerId() throws Exception {
        String username = "staff-" + UUID.randomUUID();
        String partnerId = UUID.randomUUID().toString();
        String password = "pw-" + UUID.randomUUID();
        createUser("{\"username\":\"" + username + "\",\"email\":\"" + username + "@partner.example\","
                + "\"enabled\":true,\"attributes\":{\"partner_id\":[\"" + partnerId + "\"]},"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}]}");

        assertThat(claims(login(username, password)).path("partner_id").asString()).isEqualTo(partnerId);
    }

    @Test
    void aUsernameKeycloakAlreadyHasCannotBeRegisteredAgain() throws Exception {
        // one login enabled, one disabled and young: neither is a left-over user-service may remove
        for (boolean enabled : new boolean[] {true, false}) {
            String email = "kc-only-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            createUser("{\"username\":\"" + email + "\",\"email\":\"" + email + "\",\"enabled\":" + enabled
                    + "}");
            HttpResponse<String> refused = Client.send("POST", "/api/v1/registrations", null, Map.of("channel",
                    "EMAIL", "email", email, "password", "pw-" + UUID.randomUUID(), "displayName", "Keycloak Twin"));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(Client.json(refused).path("code").asString()).isEqualTo("USER_CONTACT_TAKEN");
        }
    }
}
