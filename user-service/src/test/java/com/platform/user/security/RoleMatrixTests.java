package com.platform.user.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import com.platform.user.support.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint of api.md with every role (and without a token): a caller outside the endpoint's roles gets 401
 * or 403 and changes nothing; a caller inside gets past authorisation. Then BOLA: a person never reads or changes
 * another person's data.
 */
class RoleMatrixTests extends UserServiceIntegrationTest {

    static final List<String> CALLERS = List.of("anonymous", "user", "enterprise", "partner", "operator",
            "risk_officer", "auditor", "admin", "service");

    record Endpoint(HttpMethod method, String path, String body, Set<String> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String VIOLATION = "{\"type\":\"OTHER\",\"severity\":\"MINOR\",\"description\":\"spam\"}";
    static final String ID = "{id}";

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/v1/users/me", null, Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.PATCH, "/api/v1/users/me", "{\"displayName\":\"New Name\"}",
                    Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.GET, "/api/v1/users/me/export", null, Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.POST, "/api/v1/users/me/identity-verifications",
                    "{\"legalName\":\"Li Lei\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"E12345678\"}",
                    Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.POST, "/api/v1/users/me/enterprise-certifications",
                    "{\"companyName\":\"Acme\",\"creditCode\":\"91350100M000100Y43\",\"licenseNumber\":\"L-1\","
                            + "\"licenseExpiresOn\":\"2099-01-01\"}", Set.of("enterprise")),
            new Endpoint(HttpMethod.GET, "/api/v1/users", null, Set.of("operator", "risk_officer", "auditor", "admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/users/" + ID, null,
                    Set.of("operator", "risk_officer", "auditor", "admin")),
            new Endpoint(HttpMethod.PUT, "/api/v1/users/" + ID + "/roles", "{\"roles\":[\"user\"]}", Set.of("admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/users/" + ID + "/violations", VIOLATION, Set.of("operator")),
            new Endpoint(HttpMethod.GET, "/api/v1/users/" + ID + "/violations", null,
                    Set.of("operator", "risk_officer", "auditor")),
            new Endpoint(HttpMethod.GET, "/api/v1/users/me/violations", null, Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.POST, "/api/v1/users/me/appeals",
                    "{\"violationId\":\"" + UUID.randomUUID() + "\",\"reason\":\"not me\"}", Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.GET, "/api/v1/appeals", null, Set.of("operator", "auditor")),
            new Endpoint(HttpMethod.POST, "/api/v1/appeals/" + UUID.randomUUID() + "/decision",
                    "{\"outcome\":\"UPHELD\",\"reason\":\"ok\"}", Set.of("operator")),
            new Endpoint(HttpMethod.POST, "/api/v1/access-reviews", null, Set.of("admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/access-reviews", null, Set.of("admin", "auditor")),
            new Endpoint(HttpMethod.GET, "/api/v1/access-reviews/" + UUID.randomUUID(), null, Set.of("admin", "auditor")),
            new Endpoint(HttpMethod.POST, "/api/v1/access-reviews/" + UUID.randomUUID() + "/items/"
                    + UUID.randomUUID() + "/decision", "{\"decision\":\"KEEP\",\"reason\":\"ok\"}", Set.of("admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/feedback", "{\"kind\":\"SUGGESTION\",\"subject\":\"s\",\"body\":\"b\"}",
                    Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.GET, "/api/v1/users/me/feedback", null, Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.GET, "/api/v1/feedback", null, Set.of("operator")),
            new Endpoint(HttpMethod.POST, "/api/v1/feedback/" + UUID.randomUUID() + "/reply", "{\"reply\":\"done\"}",
                    Set.of("operator")),
            new Endpoint(HttpMethod.GET, "/internal/v1/users/" + ID + "/eligibility", null, Set.of("service")),
            new Endpoint(HttpMethod.GET, "/api/v1/audit/users/events", null, Set.of("auditor", "admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/audit/users/verification", null, Set.of("auditor", "admin")),
            // last: an allowed call closes the shared account
            new Endpoint(HttpMethod.DELETE, "/api/v1/users/me", null, Set.of("user", "enterprise")));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : CALLERS) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyTheEndpointsRolesGetThrough(Endpoint endpoint, String caller) throws Exception {
        Person target = sharedTarget();
        MockHttpServletRequestBuilder call = request(endpoint.method(), endpoint.path().replace(ID,
                target.userId().toString()));
        if (endpoint.body() != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
        }
        String token = token(caller, target);
        if (token != null) {
            call.header("Authorization", token);
        }
        String before = snapshot(target.userId());
        var response = mvc.perform(call).andReturn().getResponse();
        int status = response.getStatus();
        if (endpoint.allowed().contains(caller)) {
            // past authorisation means an answer: a success, or a business refusal with its own code
            assertThat(status).as("%s may call it", caller).isBetween(200, 499).isNotIn(401, 403);
            if (status >= 400) {
                assertThat(json.readTree(response.getContentAsString()).path("code").asString())
                        .as("%s gets a named business outcome, not a framework refusal", caller)
                        .isNotBlank().isNotIn(FRAMEWORK_CODES);
            }
        }
        else {
            assertThat(status).as("%s may not call it", caller).isEqualTo(caller.equals("anonymous") ? 401 : 403);
            assertThat(snapshot(target.userId())).as("nothing changed").isEqualTo(before);
        }
    }

    /** Codes of refusals that are not a business outcome: an allowed, well-formed call never gets them. */
    static final Set<String> FRAMEWORK_CODES = Set.of("VALIDATION_FAILED", "MALFORMED_REQUEST", "UNAUTHORIZED",
            "FORBIDDEN", "NOT_FOUND", "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE", "NOT_ACCEPTABLE",
            "PAYLOAD_TOO_LARGE", "CONFLICT", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE");

    static Stream<Arguments> refusedCallers() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : CALLERS) {
                if (!endpoint.allowed().contains(caller)) {
                    cases.add(Arguments.of(endpoint, caller));
                }
            }
        }
        return cases.stream();
    }

    /**
     * Authorisation before validation: without the role, a malformed body, malformed path ids and malformed query
     * parameters get the same 401/403 as a good call, so nothing about the endpoint's input is revealed.
     */
    @ParameterizedTest(name = "{0} as {1}, malformed")
    @MethodSource("refusedCallers")
    void aCallerWithoutTheRoleIsRefusedWhateverItSends(Endpoint endpoint, String caller) throws Exception {
        Person target = sharedTarget();
        String path = endpoint.path().replace(ID, "not-a-uuid")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "not-a-uuid");
        MockHttpServletRequestBuilder call = request(endpoint.method(), path)
                .param("page", "-1").param("size", "lots").param("status", "NO_SUCH_STATUS")
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\": [1, {\"severity\":");
        String token = token(caller, target);
        if (token != null) {
            call.header("Authorization", token);
        }
        String before = snapshot(target.userId());
        int status = mvc.perform(call).andReturn().getResponse().getStatus();
        assertThat(status).as("%s may not call it, whatever it sends", caller)
                .isEqualTo(caller.equals("anonymous") ? 401 : 403);
        assertThat(snapshot(target.userId())).as("nothing changed").isEqualTo(before);
    }

    private static Person target;

    /**
     * One account for the whole matrix: an allowed call may change or even close it (later allowed calls may then
     * get 404 or 409, which is past authorisation all the same); a denied call must leave it exactly as it was.
     */
    private Person sharedTarget() throws Exception {
        if (target == null) {
            target = activePerson();
        }
        return target;
    }

    /** A person's token carries their own id; staff, partner and service tokens are other subjects. */
    private String token(String caller, Person target) {
        return switch (caller) {
            case "anonymous" -> null;
            case "user", "enterprise" -> bearer(tokens.user(target.userId().toString(), caller));
            case "partner" -> bearer(tokens.partner("partner-staff-1", UUID.randomUUID().toString()));
            case "service" -> bearer(tokens.service());
            default -> staffToken(caller);
        };
    }

    private String snapshot(UUID userId) {
        return jdbc.queryForObject("""
                select a.display_name || a.status || a.level || array_to_string(a.roles, ',')
                       || (select count(*) from violation v where v.user_id = a.id)
                       || (select count(*) from feedback f where f.user_id = a.id)
                       || (select count(*) from identity_verification i where i.user_id = a.id)
                       || (select count(*) from access_review)
                  from user_account a where a.id = ?
                """, String.class, userId);
    }

    @Test
    void aPersonNeverReadsOrChangesAnotherPersonsData() throws Exception {
        Person alice = activePerson();
        Person bob = activePerson();
        JsonNode bobsViolation = body(postJson("/api/v1/users/" + bob.userId() + "/violations",
                Map.of("type", "OTHER", "severity", "MINOR", "description", "spam"), staffToken("operator")));

        mvc.perform(get("/api/v1/users/" + bob.userId()).header("Authorization", alice.token()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users/" + bob.userId() + "/violations").header("Authorization", alice.token()))
                .andExpect(status().isForbidden());
        postJson("/api/v1/users/me/appeals", Map.of("violationId", bobsViolation.at("/violation/id").asString(),
                "reason", "appealing for Bob"), alice.token())
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("VIOLATION_NOT_FOUND"));
        assertThat(jdbc.queryForObject("select count(*) from appeal where user_id = ?", Long.class, bob.userId()))
                .isZero();
        mvc.perform(get("/api/v1/users/me/violations").header("Authorization", alice.token()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/users/me").header("Authorization", alice.token()))
                .andExpect(jsonPath("$.id").value(alice.userId().toString()));
    }

    @Test
    void staffSeeContactsMaskedAndOnlyAdminsSeeThemInFull() throws Exception {
        Person person = activePerson();
        for (String role : List.of("operator", "risk_officer", "auditor")) {
            mvc.perform(get("/api/v1/users/" + person.userId()).header("Authorization", staffToken(role)))
                    .andExpect(jsonPath("$.email").value(org.hamcrest.Matchers.containsString("****")));
        }
        mvc.perform(get("/api/v1/users/" + person.userId()).header("Authorization", staffToken("admin-7", "admin")))
                .andExpect(jsonPath("$.email").value(person.email()));
        assertThat(jdbc.queryForObject("select actor from audit_entry where action = 'user.read-unmasked' and "
                + "target_id = ?", String.class, person.userId().toString())).as("unmasked reads are audited")
                .isEqualTo("admin-7");
        mvc.perform(get("/api/v1/users").param("email", person.email()).header("Authorization",
                        staffToken("operator")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(person.userId().toString()));
    }
}
