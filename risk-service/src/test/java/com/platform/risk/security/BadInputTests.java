package com.platform.risk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Bad input of every kind gets a 4xx problem naming the field (or, for expressions, the position), never a 500
 * and never a half-written record.
 */
class BadInputTests extends RiskServiceIntegrationTest {

    record Case(String name, HttpMethod method, String path, String body, String caller, int status, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final String TX = "\"transactionId\":\"" + UUID.randomUUID() + "\",\"payerId\":\"" + UUID.randomUUID()
            + "\",\"partnerId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\"";

    static String assessment(String type, String amount, String currency, String extra) {
        return "{" + TX + ",\"type\":\"" + type + "\",\"amount\":{\"amount\":" + amount + ",\"currency\":\""
                + currency + "\"}" + extra + "}";
    }

    static String rule(String name, String expression, String score, String action) {
        return "{\"name\":" + name + ",\"expression\":" + expression + ",\"score\":" + score + ",\"action\":\""
                + action + "\",\"mode\":\"SHADOW\"}";
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static Stream<Case> cases() {
        String officer = "risk_officer";
        List<Case> cases = new ArrayList<>();
        String internal = "/internal/v1/risk/assessments";
        cases.add(new Case("amount with too many decimals", HttpMethod.POST, internal,
                assessment("ECOMMERCE", "\"12.345\"", "CNY", ""), "service", 400, "amount.amount"));
        cases.add(new Case("negative amount", HttpMethod.POST, internal,
                assessment("ECOMMERCE", "\"-1.00\"", "CNY", ""), "service", 400, "amount.amount"));
        cases.add(new Case("zero amount", HttpMethod.POST, internal,
                assessment("ECOMMERCE", "\"0.00\"", "CNY", ""), "service", 400, "amount.amount"));
        cases.add(new Case("amount in exponent notation", HttpMethod.POST, internal,
                assessment("ECOMMERCE", "\"1e9\"", "CNY", ""), "service", 400, "amount.amount"));
        cases.add(new Case("absurd amount", HttpMethod.POST, internal,
                assessment("ECOMMERCE", "\"99999999999999999.00\"", "CNY", ""), "service", 400, "amount.amount"));
        cases.add(new Case("unknown currency", HttpMethod.POST, internal,
                assessment("ECOMMERCE", "\"1.00\"", "XQZ", ""), "service", 400, "amount.currency"));
        cases.add(new Case("lower-case currency", HttpMethod.POST, internal,
                assessment("ECOMMERCE", "\"1.00\"", "cny", ""), "service", 400, "amount.currency"));
        cases.add(new Case("unknown type", HttpMethod.POST, internal,
                assessment("CRYPTO", "\"1.00\"", "CNY", ""), "service", 400, "type"));
        cases.add(new Case("not an IP address", HttpMethod.POST, internal,
                assessment("ECOMMERCE", "\"1.00\"", "CNY", ",\"ip\":\"999.1.1.1\""), "service", 400, "ip"));
        cases.add(new Case("device id with control characters", HttpMethod.POST, internal,
                assessment("ECOMMERCE", "\"1.00\"", "CNY", ",\"deviceId\":\"a\\u0000b\""), "service", 400,
                "deviceId"));
        cases.add(new Case("missing transaction id", HttpMethod.POST, internal,
                "{\"type\":\"DELIVERY\",\"payerId\":\"" + UUID.randomUUID() + "\",\"partnerId\":\"" + UUID.randomUUID()
                        + "\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"CNY\"},\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
                "service", 400, "transactionId"));
        cases.add(new Case("payer id that is not a UUID", HttpMethod.POST, internal,
                "{\"transactionId\":\"" + UUID.randomUUID() + "\",\"type\":\"DELIVERY\",\"payerId\":\"abc\",\"partnerId\":\""
                        + UUID.randomUUID() + "\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"CNY\"},"
                        + "\"occurredAt\":\"2026-01-01T00:00:00Z\"}", "service", 400, "payerId"));

        String rules = "/api/v1/risk/rules";
        cases.add(new Case("expression too long", HttpMethod.POST, rules,
                rule(quoted("bad-huge"), quoted("tx.amount > 1.0" + " && tx.amount > 1.0".repeat(150)), "1",
                        "REVIEW"), officer, 400, "expression"));
        cases.add(new Case("expression deeply nested", HttpMethod.POST, rules,
                rule(quoted("bad-deep"), quoted("payer.level" + " + (payer.level".repeat(40) + ")".repeat(40)
                        + " > 0"), "1", "REVIEW"), officer, 422, "expression"));
        cases.add(new Case("expression of nested parentheses", HttpMethod.POST, rules,
                rule(quoted("bad-parens"), quoted("(".repeat(300) + "true" + ")".repeat(300)), "1", "REVIEW"),
                officer, 422, "expression"));
        cases.add(new Case("expression injection-looking", HttpMethod.POST, rules,
                rule(quoted("bad-sql"), quoted("'; drop table rule_version; --"), "1", "REVIEW"), officer, 422,
                "expression"));
        cases.add(new Case("expression calling Java", HttpMethod.POST, rules,
                rule(quoted("bad-java"), quoted("java.lang.Runtime.getRuntime().exec(\"rm\") == null"), "1",
                        "REVIEW"), officer, 422, "expression"));
        cases.add(new Case("expression with a loop macro", HttpMethod.POST, rules,
                rule(quoted("bad-loop"), quoted("[1,2,3].all(x, [1,2,3].all(y, x * y > payer.level))"), "1",
                        "REVIEW"), officer, 422, "expression"));
        cases.add(new Case("expression of unicode identifiers", HttpMethod.POST, rules,
                rule(quoted("bad-unicode"), quoted("付款人.等级 > 1"), "1", "REVIEW"), officer, 422, "expression"));
        cases.add(new Case("expression with a control character", HttpMethod.POST, rules,
                rule(quoted("bad-ctl"), "\"tx.amount > 1.0 \\u0007\"", "1", "REVIEW"), officer, 422, "expression"));
        cases.add(new Case("expression blank", HttpMethod.POST, rules,
                rule(quoted("bad-blank"), quoted("  "), "1", "REVIEW"), officer, 400, "expression"));
        cases.add(new Case("score above 1000", HttpMethod.POST, rules,
                rule(quoted("bad-score"), quoted("true"), "1001", "REVIEW"), officer, 400, "score"));
        cases.add(new Case("negative score", HttpMethod.POST, rules,
                rule(quoted("bad-score"), quoted("true"), "-5", "REVIEW"), officer, 400, "score"));
        cases.add(new Case("score as text", HttpMethod.POST, rules,
                rule(quoted("bad-score"), quoted("true"), "\"ten\"", "REVIEW"), officer, 400, "score"));
        cases.add(new Case("unknown action", HttpMethod.POST, rules,
                rule(quoted("bad-action"), quoted("true"), "1", "BLOCK"), officer, 400, "action"));
        cases.add(new Case("name with markup", HttpMethod.POST, rules,
                rule(quoted("<script>alert(1)</script>"), quoted("true"), "1", "REVIEW"), officer, 400, "name"));

        String watchlist = "/api/v1/risk/watchlist";
        cases.add(new Case("unknown watchlist kind", HttpMethod.POST, watchlist,
                "{\"kind\":\"EMAIL\",\"value\":\"a@b.c\",\"reason\":\"r\"}", officer, 400, "kind"));
        cases.add(new Case("IP entry that is no address", HttpMethod.POST, watchlist,
                "{\"kind\":\"IP\",\"value\":\"evil.example.com\",\"reason\":\"r\"}", officer, 400, "value"));
        cases.add(new Case("USER entry that is no id", HttpMethod.POST, watchlist,
                "{\"kind\":\"USER\",\"value\":\"13800138000\",\"reason\":\"r\"}", officer, 400, "value"));
        cases.add(new Case("expiry in the past", HttpMethod.POST, watchlist,
                "{\"kind\":\"DEVICE\",\"value\":\"dev-past\",\"reason\":\"r\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
                officer, 400, "expiresAt"));
        cases.add(new Case("watchlist without reason", HttpMethod.POST, watchlist,
                "{\"kind\":\"DEVICE\",\"value\":\"dev-noreason\"}", officer, 400, "reason"));

        String decision = "/api/v1/risk/cases/" + UUID.randomUUID() + "/decision";
        cases.add(new Case("unknown case decision", HttpMethod.POST, decision,
                "{\"decision\":\"MAYBE\",\"fraudConfirmed\":false,\"reason\":\"r\"}", officer, 400, "decision"));
        cases.add(new Case("case decision without reason", HttpMethod.POST, decision,
                "{\"decision\":\"APPROVE\",\"fraudConfirmed\":false}", officer, 400, "reason"));
        cases.add(new Case("fraudConfirmed as text", HttpMethod.POST, decision,
                "{\"decision\":\"REJECT\",\"fraudConfirmed\":\"yes\",\"reason\":\"r\"}", officer, 400,
                "fraudConfirmed"));

        String register = "/api/v1/risk/register";
        String risk = "{\"title\":\"t\",\"category\":\"%s\",\"description\":\"d\",\"owner\":\"o\",\"likelihood\":%s,"
                + "\"impact\":2,\"strategy\":\"REDUCE\",\"controls\":[\"c\"]}";
        cases.add(new Case("likelihood above 5", HttpMethod.POST, register, risk.formatted("LEGAL", "6"), officer,
                400, "likelihood"));
        cases.add(new Case("unknown category", HttpMethod.POST, register, risk.formatted("WEATHER", "2"), officer,
                400, "category"));
        cases.add(new Case("paging size above 100", HttpMethod.GET, "/api/v1/risk/cases?size=1000", null, officer,
                400, "size"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsA4xxNamingTheFieldAndWritesNothing(Case c) throws Exception {
        String before = snapshot();
        var call = request(c.method(), c.path()).header("Authorization",
                c.caller().equals("service") ? service() : risk1());
        if (c.body() != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(c.body());
        }
        var response = mvc.perform(call).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(c.status());
        assertThat(response.getContentType()).contains("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(response.getContentAsString()).contains(c.field());
        if (c.status() == 422) {
            assertThat(problem.path("issues").get(0).path("line").asInt()).isPositive();
            assertThat(problem.path("issues").get(0).path("column").asInt()).isPositive();
        }
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
    }

    @Test
    void injectionLookingTextInsideAStringLiteralIsJustText() throws Exception {
        var response = mvc.perform(request(HttpMethod.POST, "/api/v1/risk/rules").header("Authorization", risk1())
                .contentType(MediaType.APPLICATION_JSON)
                .content(rule(quoted("literal text"), quoted("tx.type == \"'; drop table rule_version; --\" "
                        + "|| payer.status == \"付款人 ✓\""), "1", "REVIEW"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from rule_version", Long.class)).isPositive();
    }

    private String snapshot() {
        return jdbc.queryForObject("""
                select (select count(*) from rule_version) || '/' || (select count(*) from watchlist_entry)
                       || '/' || (select count(*) from review_case where status <> 'OPEN')
                       || '/' || (select count(*) from register_risk) || '/' || (select count(*) from assessment)
                """, String.class);
    }
}
