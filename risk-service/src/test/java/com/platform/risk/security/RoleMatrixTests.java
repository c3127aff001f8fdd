package com.platform.risk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint with every role (and without a token): a caller outside the endpoint's roles gets 401 or 403
 * and changes nothing, whatever it sends; a caller inside gets past authorisation.
 */
class RoleMatrixTests extends RiskServiceIntegrationTest {

    static final List<String> CALLERS = List.of("anonymous", "user", "enterprise", "partner", "operator",
            "risk_officer", "auditor", "admin", "service");

    record Endpoint(HttpMethod method, String path, String body, Set<String> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Set<String> OFFICER = Set.of("risk_officer");
    static final Set<String> OFFICER_AUDITOR = Set.of("risk_officer", "auditor");
    static final String RULE = "{\"name\":\"matrix\",\"expression\":\"tx.amount < 0.0\",\"score\":1,"
            + "\"action\":\"REVIEW\",\"mode\":\"SHADOW\"}";
    static final String RISK = "{\"title\":\"t\",\"category\":\"LEGAL\",\"description\":\"d\",\"owner\":\"o\","
            + "\"likelihood\":2,\"impact\":2,\"strategy\":\"REDUCE\",\"controls\":[\"c\"]}";

    static String id() {
        return UUID.randomUUID().toString();
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.POST, "/internal/v1/risk/assessments", "{\"transactionId\":\"" + id()
                    + "\",\"type\":\"DELIVERY\",\"payerId\":\"" + id() + "\",\"partnerId\":\"" + id()
                    + "\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"CNY\"},\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
                    Set.of("service")),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/assessments/" + id(), null, OFFICER_AUDITOR),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/rules", null, OFFICER_AUDITOR),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/rules/" + id(), null, OFFICER_AUDITOR),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/rules", RULE, OFFICER),
            new Endpoint(HttpMethod.PUT, "/api/v1/risk/rules/" + id(), RULE, OFFICER),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/rules/" + id() + "/approval", "{}", OFFICER),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/rules/replay", "{\"expression\":\"true\",\"score\":1,"
                    + "\"action\":\"REVIEW\",\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"}",
                    OFFICER),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/watchlist", null, OFFICER),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/watchlist", "{\"kind\":\"IP\",\"value\":\"192.0.2.99\","
                    + "\"reason\":\"matrix\"}", OFFICER),
            new Endpoint(HttpMethod.DELETE, "/api/v1/risk/watchlist?kind=IP&value=192.0.2.98", null, OFFICER),
            new Endpoint(HttpMethod.DELETE, "/api/v1/risk/watchlist/" + id(), null, OFFICER),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/cases", null, OFFICER),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/cases/" + id(), null, OFFICER),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/cases/" + id() + "/assignment", null, OFFICER),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/cases/" + id() + "/decision",
                    "{\"decision\":\"APPROVE\",\"fraudConfirmed\":false,\"reason\":\"ok\"}", OFFICER),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/register", null, OFFICER_AUDITOR),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/register/" + id(), null, OFFICER_AUDITOR),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/register", RISK, OFFICER),
            new Endpoint(HttpMethod.PUT, "/api/v1/risk/register/" + id(), RISK, OFFICER),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/register/" + id() + "/reviews", "{\"notes\":\"n\"}", OFFICER),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/indicators", null, OFFICER),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/indicators", "{\"name\":\"matrix\",\"metric\":\"REVIEW_RATE\","
                    + "\"scope\":\"PLATFORM\",\"window\":\"PT1H\",\"warningThreshold\":0.9,\"criticalThreshold\":1}",
                    OFFICER),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/indicators/" + id() + "/values", null, OFFICER),
            new Endpoint(HttpMethod.GET, "/api/v1/risk/alerts", null, OFFICER),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/alerts/" + id() + "/acknowledgement", null, OFFICER),
            new Endpoint(HttpMethod.POST, "/api/v1/risk/alerts/" + id() + "/resolution", "{\"resolution\":\"ok\"}",
                    OFFICER),
            new Endpoint(HttpMethod.GET, "/api/v1/audit/risk/events", null, Set.of("auditor", "admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/audit/risk/verification", null, Set.of("auditor", "admin")));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : CALLERS) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    /** Codes of refusals that are not a business outcome: an allowed, well-formed call never gets them. */
    static final Set<String> FRAMEWORK_CODES = Set.of("VALIDATION_FAILED", "MALFORMED_REQUEST", "UNAUTHORIZED",
            "FORBIDDEN", "NOT_FOUND", "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE", "NOT_ACCEPTABLE",
            "PAYLOAD_TOO_LARGE", "CONFLICT", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE");

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyTheEndpointsRolesGetThrough(Endpoint endpoint, String caller) throws Exception {
        MockHttpServletRequestBuilder call = request(endpoint.method(), endpoint.path());
        if (endpoint.body() != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
        }
        String token = token(caller);
        if (token != null) {
            call.header("Authorization", token);
        }
        String before = snapshot();
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
            assertThat(snapshot()).as("nothing changed").isEqualTo(before);
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

    /** Authorisation before validation: malformed ids, parameters and bodies get the same 401/403. */
    @ParameterizedTest(name = "{0} as {1}, malformed")
    @MethodSource("refusedCallers")
    void aCallerWithoutTheRoleIsRefusedWhateverItSends(Endpoint endpoint, String caller) throws Exception {
        String path = endpoint.path()
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "not-a-uuid");
        MockHttpServletRequestBuilder call = request(endpoint.method(), path)
                .param("page", "-1").param("size", "lots").param("status", "NO_SUCH_STATUS")
                .contentType(MediaType.APPLICATION_JSON).content("{\"expression\": [1, {\"score\":");
        String token = token(caller);
        if (token != null) {
            call.header("Authorization", token);
        }
        String before = snapshot();
        int status = mvc.perform(call).andReturn().getResponse().getStatus();
        assertThat(status).as("%s may not call it, whatever it sends", caller)
                .isEqualTo(caller.equals("anonymous") ? 401 : 403);
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    private static String token(String caller) {
        return switch (caller) {
            case "anonymous" -> null;
            case "user", "enterprise" -> bearer(tokens.user(UUID.randomUUID().toString(), caller));
            case "partner" -> bearer(tokens.partner("partner-staff-1", UUID.randomUUID().toString()));
            case "service" -> service();
            default -> staff(caller);
        };
    }

    private String snapshot() {
        return jdbc.queryForObject("""
                select (select count(*) from rule_version) || '/' || (select count(*) from watchlist_entry
                        where removed_at is null) || '/' || (select count(*) from review_case where status <> 'OPEN')
                       || '/' || (select count(*) from register_risk) || '/' || (select count(*) from assessment)
                       || '/' || (select count(*) from audit_entry) || '/' || (select count(*) from indicator)
                       || '/' || (select count(*) from risk_alert where status <> 'OPEN')
                """, String.class);
    }
}
