package com.platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm the local stack imports into Keycloak gives the platform what it relies on. */
class RealmFileTests {

    private static final Path REALM = Path.of("keycloak/platform-realm.json");

    private final JsonNode realm = JsonMapper.builder().build().readTree(REALM.toFile());

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private JsonNode user(String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asString().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.isObject() ? node.path("name").asString() : node.asString()));
        return values;
    }

    @Test
    void definesTheRolesOfThePlatformSpecificationAndTheServiceRole() {
        assertThat(texts(realm.path("roles").path("realm"))).containsExactlyInAnyOrder("user", "enterprise",
                "partner", "operator", "risk_officer", "auditor", "admin", "service");
    }

    @Test
    void webClientIsPublicWithPkceAndCarriesTheApiAudienceAndPartnerId() {
        JsonNode web = client("platform-web");
        assertThat(web.path("publicClient").asBoolean()).isTrue();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).as("local realm only").isTrue();
        assertThat(web.path("protocolMappers").toString()).contains("platform-api").contains("partner_id");
    }

    @Test
    void eachServiceHasAConfidentialClientWhoseAccountHoldsTheServiceRole() {
        for (PlatformService service : PlatformService.all()) {
            JsonNode client = client(service.module);
            assertThat(client.path("publicClient").asBoolean()).isFalse();
            assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(client.path("secret").asString()).isEqualTo("${" + service.envPrefix + "_SERVICE_CLIENT_SECRET}");
            assertThat(client.path("protocolMappers").toString()).contains("platform-api");
            assertThat(texts(user("service-account-" + service.module).path("realmRoles"))).containsExactly("service");
        }
        assertThat(user("service-account-user-service").path("clientRoles").path("realm-management").toString())
                .as("user-service creates and disables accounts").contains("manage-users");
    }

    @Test
    void demoStaffCanLogInWithoutFurtherSetUp() {
        for (String username : DemoAccounts.USERNAMES) {
            JsonNode user = user(username);
            assertThat(user.path("email").asString()).isNotBlank();
            assertThat(user.path("firstName").asString()).isNotBlank();
            assertThat(user.path("lastName").asString()).isNotBlank();
            assertThat(texts(user.path("realmRoles"))).containsExactly(DemoAccounts.role(username));
            assertThat(user.path("credentials").get(0).path("value").asString()).startsWith("${DEMO_PASSWORD_");
        }
    }

    @Test
    void peopleRegisteredByPhoneNeedNoEmailOrNameAndPartnerIdIsAdminManaged() {
        String config = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asString();
        JsonNode profile = JsonMapper.builder().build().readTree(config);
        for (JsonNode attribute : profile.path("attributes")) {
            String name = attribute.path("name").asString();
            assertThat(attribute.has("required")).as(name + " must not be required").isFalse();
            if (name.equals("partner_id")) {
                assertThat(attribute.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
            }
        }
        assertThat(texts(profile.path("attributes"))).contains("username", "email", "partner_id");
    }

    @Test
    void everyPlaceholderOfTheRealmIsSuppliedAndNoSecretIsInTheFile(@TempDir Path home) throws Exception {
        StackLayout layout = new StackLayout(home, Map.of());
        Map<String, String> supplied = new Components(layout, Secrets.load(layout)).realmPlaceholders();
        Matcher placeholders = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(Files.readString(REALM));
        int found = 0;
        while (placeholders.find()) {
            found++;
            assertThat(supplied).containsKey(placeholders.group(1));
        }
        assertThat(found).isEqualTo(PlatformService.all().size() + DemoAccounts.USERNAMES.size());
        assertThat(supplied.values()).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThanOrEqualTo(20));
    }
}
