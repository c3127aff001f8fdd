package com.platform.transaction.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * X7: every field of every request body with missing, wrong-type, too-long, malformed and hostile values gets a
 * 4xx problem (400 naming the field) and writes nothing; never a 5xx. SQL-looking text in free-text fields is
 * text (bound parameters) and accepted; control characters are refused.
 */
class BadInputTests extends TransactionServiceIntegrationTest {

    static final Object MISSING = new Object();
    static final String SQL = "x' OR '1'='1'; DROP TABLE transaction; --";
    static final String CONTROL = "a\u0000b\u0007c";
    static final String HUGE = "A".repeat(200_000);

    enum Who { PAYER, OPERATOR, ADMIN }

    record Case(String name, String path, Who who, boolean idempotent, Map<String, Object> valid, String field,
            Object value) {

        @Override
        public String toString() {
            String shown = value == MISSING ? "missing" : String.valueOf(value);
            return name + "." + field + " = " + (shown.length() > 30 ? shown.substring(0, 30) + "…" : shown);
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        Map<String, Object> creation = new LinkedHashMap<>();
        creation.put("type", "DELIVERY");
        creation.put("partnerId", "{partner}");
        creation.put("amount", Map.of("amount", "10.00", "currency", "CNY"));
        creation.put("description", "parcel");
        add(cases, "create", "/api/v1/transactions", Who.PAYER, true, creation, Map.of(
                "type", List.of(MISSING, 42, "PIZZA", SQL, List.of("DELIVERY")),
                "partnerId", List.of(MISSING, 42, "not-a-uuid", SQL, ""),
                "amount", List.of(MISSING, 10, "10.00", List.of(), Map.of("amount", 10, "currency", "CNY"),
                        Map.of("amount", "ten", "currency", "CNY"), Map.of("amount", "10.00", "currency", 156)),
                "description", List.of(MISSING, 42, "", "d".repeat(501), CONTROL, HUGE),
                "details", List.of(42, "text", Map.of("note", "n".repeat(5000)))));
        add(cases, "pay", "/api/v1/transactions/{tx}/payments", Who.PAYER, true, Map.of("method", "BANK_CARD"),
                Map.of("method", List.of(MISSING, 42, "CASH", SQL, "")));
        add(cases, "refund", "/api/v1/transactions/{tx}/refunds", Who.OPERATOR, true,
                Map.of("amount", Map.of("amount", "1.00", "currency", "CNY"), "reason", "goodwill"), Map.of(
                        "amount", List.of(MISSING, 1, Map.of("amount", "-1.00", "currency", "CNY"),
                                Map.of("amount", "0.001", "currency", "CNY"), Map.of("amount", "1.00", "currency", "ZZZ")),
                        "reason", List.of(MISSING, 42, "", CONTROL, "r".repeat(501))));
        add(cases, "dispute", "/api/v1/transactions/{tx}/disputes", Who.PAYER, false,
                Map.of("reason", "NOT_DELIVERED", "description", "nothing", "evidence", List.of("photo")), Map.of(
                        "reason", List.of(MISSING, 42, "", CONTROL, "r".repeat(201)),
                        "description", List.of(MISSING, 42, "", CONTROL, HUGE),
                        "evidence", List.of("photo", List.of(42), List.of(""), List.of(CONTROL),
                                java.util.Collections.nCopies(21, "e"))));
        add(cases, "resolution", "/api/v1/disputes/{dispute}/resolution", Who.OPERATOR, false,
                Map.of("outcome", "REJECTED", "reason", "delivered"), Map.of(
                        "outcome", List.of(MISSING, 42, "MAYBE", SQL),
                        "reason", List.of(MISSING, 42, "", CONTROL, HUGE),
                        "abusive", List.of("yes", 42),
                        "refundAmount", List.of(Map.of("amount", "1.00", "currency", "CNY"), "1.00")));
        Map<String, Object> debit = Map.of("account", "PLATFORM_COMMISSION", "side", "DEBIT",
                "amount", Map.of("amount", "1.00", "currency", "CNY"));
        Map<String, Object> credit = Map.of("account", "PARTNER_PAYABLE", "side", "CREDIT",
                "amount", Map.of("amount", "1.00", "currency", "CNY"));
        Map<String, Object> correction = new LinkedHashMap<>();
        correction.put("transactionId", "{tx}");
        correction.put("reason", "wrong commission");
        correction.put("lines", List.of(debit, credit));
        add(cases, "correction", "/api/v1/ledger/corrections", Who.ADMIN, false, correction, Map.of(
                "transactionId", List.of(MISSING, 42, "not-a-uuid", SQL),
                "reason", List.of(MISSING, 42, "", CONTROL, HUGE),
                "correctsEntryId", List.of(42, "not-a-uuid", UUID.randomUUID().toString()),
                "lines", List.of(MISSING, 42, List.of(), List.of(debit), List.of(debit, debit),
                        java.util.Collections.nCopies(21, debit),
                        List.of(Map.of("account", "ESCROW", "side", "DEBIT",
                                "amount", Map.of("amount", "1.00", "currency", "CNY")), credit),
                        List.of(Map.of("account", "CASH", "side", "DEBIT",
                                "amount", Map.of("amount", "1.00", "currency", "CNY")), credit),
                        List.of(Map.of("account", "PLATFORM_COMMISSION", "side", "SIDEWAYS",
                                "amount", Map.of("amount", "1.00", "currency", "CNY")), credit),
                        List.of(Map.of("account", "PLATFORM_COMMISSION", "side", "DEBIT",
                                "amount", Map.of("amount", 1, "currency", "CNY")), credit),
                        List.of(Map.of("account", "PLATFORM_COMMISSION", "side", "DEBIT",
                                "amount", Map.of("amount", "1.00", "currency", "EUR")),
                                Map.of("account", "PARTNER_PAYABLE", "side", "CREDIT",
                                        "amount", Map.of("amount", "1.00", "currency", "EUR"))),
                        List.of(Map.of("side", "DEBIT", "amount", Map.of("amount", "1.00", "currency", "CNY")),
                                credit))));
        add(cases, "cancellation", "/api/v1/transactions/{tx}/cancellation", Who.PAYER, false, Map.of("reason", "x"),
                Map.of("reason", List.of(42, CONTROL, "r".repeat(501))));
        return cases.stream().map(Arguments::of);
    }

    private static void add(List<Case> cases, String name, String path, Who who, boolean idempotent,
            Map<String, Object> valid, Map<String, List<Object>> bad) {
        bad.forEach((field, values) -> values.forEach(value ->
                cases.add(new Case(name, path, who, idempotent, valid, field, value))));
    }

    private static Fixture fixture;

    record Fixture(Payer payer, Partner partner, UUID transaction, UUID dispute) {
    }

    private Fixture fixture() throws Exception {
        if (fixture == null) {
            Payer payer = payer();
            Partner partner = partner("LOGISTICS");
            UUID transaction = paid(payer, partner, "10.00");
            UUID disputed = paid(payer, partner, "10.00");
            JsonNode dispute = body(postJson("/api/v1/transactions/" + disputed + "/disputes",
                    Map.of("reason", "LATE", "description", "late"), payer.token()));
            fixture = new Fixture(payer, partner, transaction, UUID.fromString(dispute.get("id").asString()));
        }
        stubPayer(fixture.payer().id(), "ACTIVE", "L2", true);
        stubPartner(fixture.partner().id(), "LOGISTICS", "ACTIVE", true, "0.0500", 3);
        return fixture;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsA4xxNamingTheFieldAndWritesNothing(Case bad) throws Exception {
        Fixture f = fixture();
        Map<String, Object> body = new LinkedHashMap<>();
        bad.valid().forEach((k, v) -> body.put(k, "{partner}".equals(v) ? f.partner().id().toString()
                : "{tx}".equals(v) ? f.transaction().toString() : v));
        if (bad.value() == MISSING) {
            body.remove(bad.field());
        }
        else {
            body.put(bad.field(), bad.value());
        }
        MockHttpServletRequestBuilder call = post(bad.path().replace("{tx}", f.transaction().toString())
                .replace("{dispute}", f.dispute().toString())).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))
                .header("Authorization", switch (bad.who()) {
                    case PAYER -> f.payer().token();
                    case OPERATOR -> staff("operator");
                    case ADMIN -> staff("admin");
                });
        if (bad.idempotent()) {
            call.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        String before = snapshot();
        var response = mvc.perform(call).andReturn().getResponse();
        assertThat(response.getStatus()).as("a 4xx, never a 5xx").isBetween(400, 499);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        if (response.getStatus() == 400) {
            JsonNode problem = json.readTree(response.getContentAsString());
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as("names the field").anyMatch(name -> name.startsWith(bad.field()));
        }
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of("", "{", "[]", "null", "\"text\"", "{\"type\": {\"$gt\": 1}}", "{\"amount\": 1e999}")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "body {0}")
    @MethodSource("malformedBodies")
    void malformedJsonIsA400(String body) throws Exception {
        Fixture f = fixture();
        String before = snapshot();
        int status = mvc.perform(post("/api/v1/transactions").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Authorization", f.payer().token()).header("Idempotency-Key", UUID.randomUUID().toString()))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(400);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void badPathIdsAndQueryParametersAre400NamingThem() throws Exception {
        Fixture f = fixture();
        mvc.perform(get("/api/v1/transactions/not-a-uuid").header("Authorization", f.payer().token()))
                .andExpect(status().isBadRequest());
        for (String query : List.of("page=-1", "size=0", "size=lots", "type=PIZZA", "partnerId=nope",
                "from=yesterday", "to=2026-13-45", "payerId=" + "p".repeat(101))) {
            var response = mvc.perform(get("/api/v1/transactions?" + query).header("Authorization", staff("operator")))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(json.readTree(response.getContentAsString()).path("errors").get(0).get("field").asString())
                    .as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        mvc.perform(get("/api/v1/disputes?overdue=perhaps").header("Authorization", staff("operator")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/payments/callbacks/" + "p".repeat(100)).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isUnauthorized());
    }

    @Test
    void aSignedCallbackWithABadBodyIsA400NamingTheField() throws Exception {
        long now = clock.instant().getEpochSecond();
        callback("simulator", "{\"paymentId\":\"nope\",\"status\":\"SUCCEEDED\"}", now, CALLBACK_SECRET)
                .andExpect(status().isBadRequest());
        callback("simulator", "{\"paymentId\":\"" + UUID.randomUUID() + "\",\"status\":\"MAYBE\"}", now,
                CALLBACK_SECRET).andExpect(status().isBadRequest());
        callback("simulator", "not json", now, CALLBACK_SECRET).andExpect(status().isBadRequest());
        callback("simulator", "{\"paymentId\":\"" + UUID.randomUUID() + "\",\"status\":\"FAILED\"}", now,
                CALLBACK_SECRET).andExpect(status().isNotFound());
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
