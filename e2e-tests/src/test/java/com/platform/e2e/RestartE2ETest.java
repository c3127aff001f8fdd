package com.platform.e2e;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./platform down} then {@code ./platform up} keeps the data usable (issue 9): the encrypted contacts and
 * document numbers still decrypt, the blind indexes still find an existing contact, the audit chain still verifies.
 * Everything read before the restart is read again, through the gateway, with fresh tokens.
 */
@ExtendWith(E2EStack.class)
class RestartE2ETest {

    private static final String PASSWORD = "Restart-" + UUID.randomUUID();

    @Test
    void aRestartKeepsPersonalDataReadableContactsTakenAndTheAuditChainWhole() throws Exception {
        String email = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String userId = People.registerAndVerify(Map.of("channel", "EMAIL", "email", email, "password", PASSWORD,
                "displayName", "Restart Person"), email);
        String token = Client.firstLogin(email, PASSWORD);
        Client.ok(Client.send("POST", "/api/v1/users/me/identity-verifications", token, Map.of(
                "legalName", "李四", "documentType", "RESIDENT_ID", "documentNumber", People.residentId())));

        Seen before = Seen.now(userId, email);
        assertThat(before.adminRead().get("email").asString()).isEqualTo(email);
        assertThat(before.export().at("/identityVerifications/0/legalName").asString()).isEqualTo("李四");
        assertThat(before.duplicateStatus()).isEqualTo(409);
        assertThat(before.audit().get("valid").asBoolean()).as(before.audit().toString()).isTrue();

        E2EStack.restart();

        Seen after = Seen.now(userId, email);
        assertThat(after.adminRead()).isEqualTo(before.adminRead());
        assertThat(after.export().get("account")).isEqualTo(before.export().get("account"));
        assertThat(after.export().get("identityVerifications")).isEqualTo(before.export().get("identityVerifications"));
        assertThat(after.duplicateStatus()).isEqualTo(409);
        assertThat(after.audit().get("valid").asBoolean()).as(after.audit().toString()).isTrue();
        assertThat(after.audit().get("entries").asLong()).isGreaterThanOrEqualTo(before.audit().get("entries").asLong());
    }

    /** What the admin, the person and an auditor see, and what registering the same address again answers. */
    private record Seen(JsonNode adminRead, JsonNode export, int duplicateStatus, JsonNode audit) {

        static Seen now(String userId, String email) throws Exception {
            JsonNode adminRead = Client.ok(Client.get("/api/v1/users/" + userId, Client.token("admin")));
            String token = Client.firstLogin(email, PASSWORD);
            JsonNode export = Client.ok(Client.get("/api/v1/users/me/export", token));
            HttpResponse<String> duplicate = Client.send("POST", "/api/v1/registrations", null, Map.of("channel",
                    "EMAIL", "email", email, "password", PASSWORD, "displayName", "Someone Else"));
            JsonNode audit = Client.ok(Client.get("/api/v1/audit/users/verification", Client.token("auditor")));
            return new Seen(adminRead, export, duplicate.statusCode(), audit);
        }
    }
}
