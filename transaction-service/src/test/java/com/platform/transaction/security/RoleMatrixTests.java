package com.platform.transaction.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint of api.md with every role (and without a token): a caller outside the endpoint's roles gets 401
 * or 403 and changes nothing, whatever it sends; a caller inside gets past authorisation (a success or a business
 * refusal with its own code). The payer and partner tokens belong to the shared transaction's payer and partner.
 * The provider callback is public and signed; LifecycleIntegrationTests proves its 401s.
 */
class RoleMatrixTests extends TransactionServiceIntegrationTest {

    static final List<String> CALLERS = List.of("anonymous", "user", "enterprise", "partner", "operator",
            "risk_officer", "auditor", "admin", "service");
    static final Set<String> PARTIES = Set.of("user", "enterprise", "partner");
    static final String TX = "{tx}";
    static final String DISPUTE = "{dispute}";

    record Endpoint(HttpMethod method, String path, String body, boolean idempotent, Set<String> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.POST, "/api/v1/transactions", "CREATE", true, Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.GET, "/api/v1/transactions", null, false,
                    Set.of("user", "enterprise", "partner", "operator", "risk_officer", "auditor", "admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/transactions/" + TX, null, false,
                    Set.of("user", "enterprise", "partner", "operator", "risk_officer", "auditor", "admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/transactions/" + TX + "/confirmation", null, false,
                    Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.POST, "/api/v1/transactions/" + TX + "/payments", "{\"method\":\"BANK_CARD\"}",
                    true, Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.GET, "/api/v1/transactions/" + TX + "/payments", null, false,
                    Set.of("user", "enterprise", "partner", "operator", "auditor", "admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/transactions/" + TX + "/fulfilment", null, false, Set.of("partner")),
            new Endpoint(HttpMethod.POST, "/api/v1/transactions/" + TX + "/receipt", null, false,
                    Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.POST, "/api/v1/transactions/" + TX + "/refunds",
                    "{\"amount\":{\"amount\":\"1.00\",\"currency\":\"CNY\"},\"reason\":\"goodwill\"}", true,
                    Set.of("operator")),
            new Endpoint(HttpMethod.POST, "/api/v1/transactions/" + TX + "/disputes",
                    "{\"reason\":\"NOT_DELIVERED\",\"description\":\"nothing came\",\"evidence\":[]}", false,
                    Set.of("user", "enterprise")),
            new Endpoint(HttpMethod.GET, "/api/v1/transactions/" + TX + "/journal", null, false,
                    Set.of("operator", "auditor")),
            new Endpoint(HttpMethod.GET, "/api/v1/disputes", null, false,
                    Set.of("user", "enterprise", "partner", "operator", "auditor", "admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/disputes/" + DISPUTE, null, false,
                    Set.of("user", "enterprise", "partner", "operator", "auditor", "admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/disputes/" + DISPUTE + "/resolution",
                    "{\"outcome\":\"REJECTED\",\"reason\":\"delivered\"}", false, Set.of("operator")),
            new Endpoint(HttpMethod.GET, "/api/v1/ledger/trial-balance", null, false, Set.of("auditor", "admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/reconciliations",
                    "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"}", false, Set.of("operator")),
            new Endpoint(HttpMethod.GET, "/api/v1/reconciliations", null, false, Set.of("operator", "auditor")),
            new Endpoint(HttpMethod.GET, "/api/v1/reconciliations/" + UUID.randomUUID(), null, false,
                    Set.of("operator", "auditor")),
            new Endpoint(HttpMethod.POST, "/api/v1/ledger/corrections", "{\"transactionId\":\""
                    + UUID.randomUUID() + "\",\"reason\":\"wrong commission\",\"lines\":[{\"account\":"
                    + "\"PLATFORM_COMMISSION\",\"side\":\"DEBIT\",\"amount\":{\"amount\":\"1.00\","
                    + "\"currency\":\"CNY\"}},{\"account\":\"PARTNER_PAYABLE\",\"side\":\"CREDIT\","
                    + "\"amount\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}]}", false, Set.of("admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/ledger/corrections", null, false, Set.of("admin", "auditor")),
            new Endpoint(HttpMethod.GET, "/api/v1/ledger/corrections/" + UUID.randomUUID(), null, false,
                    Set.of("admin", "auditor")),
            new Endpoint(HttpMethod.POST, "/api/v1/ledger/corrections/" + UUID.randomUUID() + "/approval", null,
                    false, Set.of("admin")),
            new Endpoint(HttpMethod.POST, "/api/v1/ledger/corrections/" + UUID.randomUUID() + "/rejection",
                    "{\"reason\":\"not needed\"}", false, Set.of("admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/audit/transactions/events", null, false, Set.of("auditor", "admin")),
            new Endpoint(HttpMethod.GET, "/api/v1/audit/transactions/verification", null, false,
                    Set.of("auditor", "admin")),
            // last: an allowed call cancels the shared transaction
            new Endpoint(HttpMethod.POST, "/api/v1/transactions/" + TX + "/cancellation", null, false,
                    Set.of("user", "enterprise", "operator")));

    /** Codes of refusals that are not a business outcome: an allowed, well-formed call never gets them. */
    static final Set<String> FRAMEWORK_CODES = Set.of("VALIDATION_FAILED", "MALFORMED_REQUEST", "UNAUTHORIZED",
            "FORBIDDEN", "NOT_FOUND", "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE", "NOT_ACCEPTABLE",
            "PAYLOAD_TOO_LARGE", "CONFLICT", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE");

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : CALLERS) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> refusedCallers() {
        return matrix().filter(a -> !((Endpoint) a.get()[0]).allowed().contains((String) a.get()[1]));
    }

    record Shared(Payer payer, Partner partner, UUID transaction, UUID dispute) {
    }

    private static Shared shared;

    private Shared shared() throws Exception {
        if (shared == null) {
            Payer payer = payer();
            Partner partner = partner("LOGISTICS");
            UUID transaction = approved(payer, partner, "10.00");
            UUID disputed = paid(payer, partner, "10.00");
            JsonNode dispute = body(postJson("/api/v1/transactions/" + disputed + "/disputes",
                    Map.of("reason", "LATE", "description", "late"), payer.token()));
            shared = new Shared(payer, partner, transaction, UUID.fromString(dispute.get("id").asString()));
        }
        // the stubs are reset before each test
        stubPayer(shared.payer().id(), "ACTIVE", "L2", true);
        stubPartner(shared.partner().id(), "LOGISTICS", "ACTIVE", true, "0.0500", 3);
        return shared;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyTheEndpointsRolesGetThrough(Endpoint endpoint, String caller) throws Exception {
        Shared s = shared();
        MockHttpServletRequestBuilder call = request(endpoint.method(), endpoint.path()
                .replace(TX, s.transaction().toString()).replace(DISPUTE, s.dispute().toString()));
        if (endpoint.body() != null) {
            String body = endpoint.body().equals("CREATE") ? json.writeValueAsString(
                    creation("DELIVERY", s.partner().id(), "3.00", "CNY")) : endpoint.body();
            call.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (endpoint.idempotent()) {
            call.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        String token = token(caller, s);
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

    /** Authorisation before validation: malformed input gets the same 401/403 and reveals nothing. */
    @ParameterizedTest(name = "{0} as {1}, malformed")
    @MethodSource("refusedCallers")
    void aCallerWithoutTheRoleIsRefusedWhateverItSends(Endpoint endpoint, String caller) throws Exception {
        Shared s = shared();
        String path = endpoint.path().replace(TX, "not-a-uuid").replace(DISPUTE, "not-a-uuid");
        MockHttpServletRequestBuilder call = request(endpoint.method(), path)
                .param("page", "-1").param("size", "lots").param("status", "NO_SUCH_STATUS")
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\": [1, {\"amount\":");
        String token = token(caller, s);
        if (token != null) {
            call.header("Authorization", token);
        }
        String before = snapshot();
        int status = mvc.perform(call).andReturn().getResponse().getStatus();
        assertThat(status).as("%s may not call it, whatever it sends", caller)
                .isEqualTo(caller.equals("anonymous") ? 401 : 403);
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    private static String token(String caller, Shared s) {
        return switch (caller) {
            case "anonymous" -> null;
            case "user", "enterprise" -> bearer(tokens.user(s.payer().id(), caller));
            case "partner" -> s.partner().token();
            case "service" -> bearer(tokens.service());
            default -> staff(caller);
        };
    }

    private String snapshot() {
        return jdbc.queryForObject("""
                select (select count(*) from transaction) || '/' || (select string_agg(status || version, ',' order by id)
                        from transaction) || '/' || (select count(*) from payment) || '/'
                       || (select count(*) from journal_entry) || '/'
                       || (select coalesce(string_agg(status || version, ',' order by id), '') from dispute) || '/'
                       || (select count(*) from ledger_correction)
                """, String.class);
    }
}
