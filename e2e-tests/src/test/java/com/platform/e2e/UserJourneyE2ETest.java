package com.platform.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person's way through user-service, through the gateway only, against the real Keycloak, mail server, SMS and
 * identity-provider simulator (issue 4): register by e-mail and by phone, read the code from the local inbox,
 * verify, log in, real-name verify, see L2 and masked data, get a violation that suspends the login, appeal, and
 * see the penalty lifted by another operator. Admins review privileged access over Keycloak's real role members.
 */
@ExtendWith(E2EStack.class)
class UserJourneyE2ETest {

    private static final String PASSWORD = "Journey-" + UUID.randomUUID();

    @Test
    void registerVerifyLogInRealNameViolationAppealLifted() throws Exception {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String userId = People.registerAndVerify(Map.of("channel", "EMAIL", "email", email, "password", PASSWORD,
                "displayName", "Journey Person"), email);
        String token = Client.firstLogin(email, PASSWORD);

        JsonNode me = Client.ok(Client.get("/api/v1/users/me", token));
        assertThat(me.get("id").asString()).isEqualTo(userId);
        assertThat(me.get("level").asString()).isEqualTo("L1");
        assertThat(me.get("email").asString()).contains("****").isNotEqualTo(email);

        JsonNode verification = Client.ok(Client.send("POST", "/api/v1/users/me/identity-verifications", token, Map.of(
                "legalName", "张三", "documentType", "RESIDENT_ID", "documentNumber", People.residentId())));
        assertThat(verification.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(Client.ok(Client.get("/api/v1/users/me", token)).get("level").asString()).isEqualTo("L2");

        String operator = Client.token("operator");
        JsonNode recorded = Client.ok(Client.send("POST", "/api/v1/users/" + userId + "/violations", operator, Map.of(
                "type", "FAKE_IDENTITY", "severity", "SEVERE", "description", "Sold the account to a third party")));
        assertThat(recorded.at("/penalty/kind").asString()).isEqualTo("SUSPENDED");
        await().atMost(Duration.ofSeconds(20)).until(() -> Client.login(email, PASSWORD).isEmpty());

        // the access token issued before the suspension is still valid for its few minutes: enough to appeal
        JsonNode mine = Client.ok(Client.get("/api/v1/users/me/violations", token));
        assertThat(mine.at("/items/0/penalty/kind").asString()).isEqualTo("SUSPENDED");
        JsonNode appeal = Client.ok(Client.send("POST", "/api/v1/users/me/appeals", token, Map.of("violationId",
                recorded.at("/violation/id").asString(), "reason", "I still have the account")));

        HttpResponse<String> sameOperator = Client.send("POST", "/api/v1/appeals/" + appeal.get("id").asString()
                + "/decision", operator, Map.of("outcome", "OVERTURNED", "reason", "mine"));
        assertThat(sameOperator.statusCode()).isEqualTo(403);
        Client.ok(Client.send("POST", "/api/v1/appeals/" + appeal.get("id").asString() + "/decision",
                Client.token("operator2"), Map.of("outcome", "OVERTURNED", "reason", "Ownership proven")));

        await().atMost(Duration.ofSeconds(20)).until(() -> Client.login(email, PASSWORD).isPresent());
        String again = Client.login(email, PASSWORD).orElseThrow();
        JsonNode lifted = Client.ok(Client.get("/api/v1/users/me/violations", again));
        assertThat(lifted.at("/items/0/penalty/state").asString()).isEqualTo("LIFTED");
        assertThat(lifted.at("/items/0/overturnReason").asString()).isEqualTo("Ownership proven");
        assertThat(Client.ok(Client.get("/api/v1/users/me", again)).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void registerByPhoneAndLogInWithTheNumber() throws Exception {
        String phone = "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String userId = People.registerAndVerify(Map.of("channel", "PHONE", "phone", phone, "password", PASSWORD,
                "displayName", "韩梅梅"), phone);
        String token = Client.firstLogin(phone, PASSWORD);
        JsonNode me = Client.ok(Client.get("/api/v1/users/me", token));
        assertThat(me.get("id").asString()).isEqualTo(userId);
        assertThat(me.get("phone").asString()).isEqualTo("+86139****" + phone.substring(10));
        assertThat(me.get("roles").valueStream().map(JsonNode::asString)).contains("user");
    }

    @Test
    void aPasswordKeycloaksPolicyRefusesIsA400OnThePasswordAndLeavesNoAccount() throws Exception {
        String email = "policy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> refused = Client.send("POST", "/api/v1/registrations", null, Map.of("channel", "EMAIL",
                "email", email, "password", "nine-char", "displayName", "Short Password"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Client.json(refused).at("/errors/0/field").asString()).isEqualTo("password");
        // nothing was kept: the same address registers with a better password
        Client.ok(Client.send("POST", "/api/v1/registrations", null, Map.of("channel", "EMAIL", "email", email,
                "password", PASSWORD, "displayName", "Long Password")));
    }

    @Test
    void anAccessReviewListsThePrivilegedDemoAccountsFromKeycloak() throws Exception {
        JsonNode review = Client.ok(Client.send("POST", "/api/v1/access-reviews", Client.token("admin"), null));
        List<String> held = review.get("items").valueStream()
                .map(item -> item.get("username").asString() + ":" + item.get("role").asString()).toList();
        assertThat(held).contains("operator:operator", "operator2:operator", "auditor:auditor", "admin:admin",
                "risk:risk_officer");
        assertThat(Client.ok(Client.get("/api/v1/access-reviews/" + review.get("id").asString(), Client.token("auditor")))
                .get("overdue").asBoolean()).isFalse();
    }
}
