package com.platform.partner.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import com.platform.partner.support.PartnerServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint with every role (and without a token): a caller outside the endpoint's roles gets 401 or 403 and
 * changes nothing; a caller inside gets past authorisation ("enterprise" and "partner" are the target partner's own
 * applicant and system). Then BOLA with two partners: one never reads or changes the other's partner record,
 * agreements, evaluations, inspections, webhooks or deliveries.
 */
class RoleMatrixTests extends PartnerServiceIntegrationTest {

    static final List<String> CALLERS = List.of("anonymous", "user", "enterprise", "partner", "operator",
            "risk_officer", "auditor", "admin", "service");
    static final Set<String> STAFF_READ = Set.of("operator", "risk_officer", "auditor");
    static final Set<String> PARTNER_OR_STAFF = Set.of("operator", "risk_officer", "auditor", "partner",
            "enterprise");
    static final Set<String> THE_PARTNER = Set.of("partner", "enterprise");
    static final Set<String> ANY_TOKEN = Set.of("user", "enterprise", "partner", "operator", "risk_officer",
            "auditor", "admin", "service");

    record Endpoint(HttpMethod method, String path, String body, Set<String> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String BLACKLISTED = freshCreditCode();

    static String json(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.POST, "/api/v1/partner-applications", json(application("MERCHANT")),
                    Set.of("enterprise")),
            new Endpoint(HttpMethod.GET, "/api/v1/partner-applications/{application}", null,
                    Set.of("enterprise", "operator", "auditor")),
            new Endpoint(HttpMethod.GET, "/api/v1/partner-applications", null, Set.of("operator", "auditor")),
            new Endpoint(HttpMethod.POST, "/api/v1/partner-applications/{application}/reviews",
                    json(Map.of("decision", "APPROVE", "reasons", List.of("ok"))), Set.of("operator")),
            new Endpoint(HttpMethod.POST, "/api/v1/partner-blacklist",
                    json(Map.of("creditCode", BLACKLISTED, "reason", "fraud")), Set.of("operator", "risk_officer")),
            new Endpoint(HttpMethod.GET, "/api/v1/partner-blacklist", null,
                    Set.of("operator", "risk_officer", "auditor")),
            new Endpoint(HttpMethod.GET, "/api/v1/partner-blacklist/" + BLACKLISTED, null,
                    Set.of("operator", "risk_officer", "auditor")),
            new Endpoint(HttpMethod.DELETE, "/api/v1/partner-blacklist/" + BLACKLISTED, null,
                    Set.of("operator", "risk_officer")),
            new Endpoint(HttpMethod.GET, "/api/v1/partners", null, Set.of("operator", "risk_officer", "auditor",
                    "partner")),
            new Endpoint(HttpMethod.GET, "/api/v1/partners/{partner}", null, PARTNER_OR_STAFF),
            new Endpoint(HttpMethod.GET, "/api/v1/partners/{partner}/agreements", null, PARTNER_OR_STAFF),
            new Endpoint(HttpMethod.GET, "/api/v1/partners/{partner}/agreements/{agreement}", null, PARTNER_OR_STAFF),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/agreements/{agreement}/proposal", null,
                    Set.of("operator")),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/agreements/{agreement}/acceptance", null,
                    THE_PARTNER),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/agreements/{agreement}/amendments",
                    json(terms(90)), Set.of("operator")),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/agreements", json(terms(60)),
                    Set.of("operator")),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/credentials/rotation", null,
                    Set.of("partner", "enterprise", "admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/webhooks",
                    json(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("transaction.paid"))),
                    THE_PARTNER),
            new Endpoint(HttpMethod.GET, "/api/v1/partners/{partner}/webhooks", null, THE_PARTNER),
            new Endpoint(HttpMethod.GET, "/api/v1/partners/{partner}/webhooks/{webhook}", null, THE_PARTNER),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/webhooks/{webhook}/enable", null, THE_PARTNER),
            new Endpoint(HttpMethod.GET, "/api/v1/partners/{partner}/webhooks/{webhook}/deliveries", null,
                    THE_PARTNER),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/webhooks/{webhook}/deliveries/"
                    + UUID.randomUUID() + "/redelivery", null, THE_PARTNER),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/inspections",
                    json(Map.of("findings", List.of(Map.of("severity", "MINOR", "description", "late scans")))),
                    Set.of("operator")),
            new Endpoint(HttpMethod.GET, "/api/v1/partners/{partner}/inspections", null, PARTNER_OR_STAFF),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/inspections/" + UUID.randomUUID()
                    + "/rectification", null, Set.of("operator")),
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/evaluations", null, Set.of("operator")),
            new Endpoint(HttpMethod.GET, "/api/v1/partners/{partner}/evaluations", null, PARTNER_OR_STAFF),
            new Endpoint(HttpMethod.GET, "/api/v1/partner-evaluation-policy", null, ANY_TOKEN),
            new Endpoint(HttpMethod.GET, "/internal/v1/partners/{partner}/eligibility", null, Set.of("service")),
            new Endpoint(HttpMethod.GET, "/api/v1/audit/partners/events", null, Set.of("auditor", "admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/audit/partners/verification", null, Set.of("auditor", "admin")),
            // last: an allowed call terminates the shared partner
            new Endpoint(HttpMethod.POST, "/api/v1/partners/{partner}/agreements/{agreement}/termination",
                    json(Map.of("reason", "end of cooperation", "effectiveOn", LocalDate.now().toString())),
                    Set.of("operator")));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : CALLERS) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    static final Set<String> FRAMEWORK_CODES = Set.of("VALIDATION_FAILED", "MALFORMED_REQUEST", "UNAUTHORIZED",
            "FORBIDDEN", "NOT_FOUND", "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE", "NOT_ACCEPTABLE",
            "PAYLOAD_TOO_LARGE", "CONFLICT", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE");

    record Target(Signed signed, UUID webhookId) {
    }

    private static Target target;

    private Target target() throws Exception {
        if (target == null) {
            Signed signed = signed("MERCHANT");
            JsonNode webhook = body(post("/api/v1/partners/" + signed.partnerId() + "/webhooks", Map.of("url",
                    "http://127.0.0.1:9/hooks", "events", List.of("transaction.paid")),
                    partnerToken(signed.partnerId())));
            target = new Target(signed, UUID.fromString(webhook.get("id").asString()));
        }
        return target;
    }

    private String path(Endpoint endpoint, Target t) {
        return endpoint.path().replace("{partner}", t.signed().partnerId().toString())
                .replace("{agreement}", t.signed().agreementId().toString())
                .replace("{application}", t.signed().applicant().applicationId().toString())
                .replace("{webhook}", t.webhookId().toString());
    }

    private String token(String caller, Target t) {
        return switch (caller) {
            case "anonymous" -> null;
            case "enterprise" -> t.signed().applicant().token();
            case "partner" -> partnerToken(t.signed().partnerId());
            case "service" -> bearer(tokens.service());
            default -> staff(caller);
        };
    }

    private String snapshot(Target t) {
        return jdbc.queryForObject("""
                select p.status || p.client_state
                       || (select count(*) from partner_application) || '/'
                       || (select count(*) from partner_blacklist) || '/'
                       || (select count(*) from agreement_version) || '/'
                       || (select string_agg(status, ',' order by version) from agreement_version v
                           where v.partner_id = p.id) || '/'
                       || (select count(*) from webhook) || '/'
                       || (select count(*) from inspection) || '/'
                       || (select count(*) from evaluation) || '/'
                       || (select count(*) from audit_entry)
                from partner p where p.id = ?""", String.class, t.signed().partnerId());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyTheEndpointsRolesGetThrough(Endpoint endpoint, String caller) throws Exception {
        Target t = target();
        MockHttpServletRequestBuilder call = request(endpoint.method(), path(endpoint, t));
        if (endpoint.body() != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
        }
        String token = token(caller, t);
        if (token != null) {
            call.header("Authorization", token);
        }
        String before = snapshot(t);
        var response = mvc.perform(call).andReturn().getResponse();
        int status = response.getStatus();
        if (endpoint.allowed().contains(caller)) {
            assertThat(status).as("%s may call it", caller).isBetween(200, 499).isNotIn(401, 403);
            if (status >= 400) {
                assertThat(json.readTree(response.getContentAsString()).path("code").asString())
                        .as("%s gets a named business outcome, not a framework refusal", caller)
                        .isNotBlank().isNotIn(FRAMEWORK_CODES);
            }
        }
        else {
            assertThat(status).as("%s may not call it", caller).isEqualTo(caller.equals("anonymous") ? 401 : 403);
            assertThat(snapshot(t)).as("nothing changed").isEqualTo(before);
        }
    }

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

    /** Authorisation before validation: without the role, malformed input gets the same 401/403. */
    @ParameterizedTest(name = "{0} as {1}, malformed")
    @MethodSource("refusedCallers")
    void aCallerWithoutTheRoleIsRefusedWhateverItSends(Endpoint endpoint, String caller) throws Exception {
        Target t = target();
        String path = endpoint.path().replaceAll("\\{[a-z]+}", "not-a-uuid")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "not-a-uuid");
        MockHttpServletRequestBuilder call = request(endpoint.method(), path)
                .param("page", "-1").param("size", "lots").param("status", "NO_SUCH_STATUS")
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\": [1, {\"severity\":");
        String token = token(caller, t);
        if (token != null) {
            call.header("Authorization", token);
        }
        String before = snapshot(t);
        int status = mvc.perform(call).andReturn().getResponse().getStatus();
        assertThat(status).as("%s may not call it, whatever it sends", caller)
                .isEqualTo(caller.equals("anonymous") ? 401 : 403);
        assertThat(snapshot(t)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void onePartnerNeverReadsOrChangesAnothersData() throws Exception {
        Signed alice = signed("MERCHANT");
        Signed bob = signed("LOGISTICS");
        JsonNode webhook = body(post("/api/v1/partners/" + alice.partnerId() + "/webhooks", Map.of("url",
                "http://127.0.0.1:9/hooks", "events", List.of("transaction.paid")), partnerToken(alice.partnerId())));
        String hook = webhook.get("id").asString();
        post("/api/v1/partners/" + alice.partnerId() + "/evaluations", null, staff("operator"));
        String a = "/api/v1/partners/" + alice.partnerId();
        String agreement = a + "/agreements/" + alice.agreementId();
        Target aliceTarget = new Target(alice, UUID.fromString(hook));
        String before = snapshot(aliceTarget);
        for (String bobsToken : List.of(partnerToken(bob.partnerId()), bob.applicant().token())) {
            // an enterprise that is not the applicant does not find the application (a partner may not read any)
            assertThat(get("/api/v1/partner-applications/" + alice.applicant().applicationId(), bobsToken)
                    .andReturn().getResponse().getStatus()).isIn(403, 404);
            for (String read : List.of(a, a + "/agreements", agreement, a + "/evaluations", a + "/inspections",
                    a + "/webhooks", a + "/webhooks/" + hook, a + "/webhooks/" + hook + "/deliveries")) {
                assertThat(get(read, bobsToken).andReturn().getResponse().getStatus()).as("GET %s", read)
                        .isEqualTo(404);
            }
            for (String change : List.of(agreement + "/acceptance", a + "/credentials/rotation",
                    a + "/webhooks/" + hook + "/enable")) {
                assertThat(post(change, null, bobsToken).andReturn().getResponse().getStatus()).as("POST %s", change)
                        .isEqualTo(404);
            }
            assertThat(post(a + "/webhooks", Map.of("url", "http://127.0.0.1:9/x", "events",
                    List.of("transaction.paid")), bobsToken).andReturn().getResponse().getStatus()).isEqualTo(404);
            // Bob's own webhook path with Alice's webhook id
            assertThat(get("/api/v1/partners/" + bob.partnerId() + "/webhooks/" + hook + "/deliveries", bobsToken)
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
        }
        assertThat(snapshot(aliceTarget)).isEqualTo(before);
        assertThat(keycloak.accepts(alice.clientId(), alice.clientSecret())).as("Alice's secret unchanged").isTrue();
        // a partner lists only itself
        JsonNode list = body(get("/api/v1/partners", partnerToken(bob.partnerId())));
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/items/0/id").asString()).isEqualTo(bob.partnerId().toString());
    }
}
