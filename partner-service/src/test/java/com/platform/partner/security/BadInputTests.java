package com.platform.partner.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import com.platform.partner.support.PartnerServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X7: every field of every request body with missing, wrong-type, out-of-range, malformed and hostile values (SQL
 * and script fragments, control characters, huge strings) gets a 400 problem naming the field, never a 5xx, and
 * writes nothing.
 */
class BadInputTests extends PartnerServiceIntegrationTest {

    static final Object MISSING = new Object();
    static final String SQL = "x' OR '1'='1'; DROP TABLE partner; --";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String CONTROL = "a\u0000b\u0007c";
    static final String HUGE = "A".repeat(1_000_000);

    enum Caller { ENTERPRISE, OPERATOR, PARTNER }

    record Case(String name, String path, Caller caller, Map<String, Object> valid, String field, Object value) {

        @Override
        public String toString() {
            String shown = value == MISSING ? "missing" : String.valueOf(value);
            return name + "." + field + " = " + (shown.length() > 30 ? shown.substring(0, 30) + "…" : shown);
        }
    }

    static List<Object> many(Object element, int count) {
        return Collections.nCopies(count, element);
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        String future = LocalDate.now().plusYears(1).toString();
        Map<String, Object> qualification = Map.of("kind", "OTHER", "number", "Q-1", "expiresOn", future);
        Map<String, Object> contact = Map.of("name", "Wang Fang", "email", "wang@example.com");
        add(cases, "application", "/api/v1/partner-applications", Caller.ENTERPRISE, application("MERCHANT"), Map.of(
                "companyName", List.of(MISSING, "", "n".repeat(129), SCRIPT, CONTROL, HUGE),
                "creditCode", List.of(MISSING, "", "91350100M000100Y44", "1".repeat(19), SQL, SCRIPT, CONTROL),
                "type", List.of(MISSING, 42, "BANK", SQL),
                "licenseNumber", List.of(MISSING, "L".repeat(33), SQL, SCRIPT, CONTROL, HUGE),
                "licenseExpiresOn", List.of(MISSING, 42, "31/12/2099", "2099-02-30", SQL),
                "qualifications", List.of(MISSING, "none", many(qualification, 11),
                        List.of(Map.of("kind", "SPACESHIP", "number", "Q-1", "expiresOn", future)),
                        List.of(Map.of("kind", "OTHER", "number", SQL, "expiresOn", future)),
                        List.of(Map.of("kind", "OTHER", "number", "Q-1", "expiresOn", "soon"))),
                "contacts", List.of(MISSING, List.of(), many(contact, 11), List.of(Map.of("name", "Wang Fang")),
                        List.of(Map.of("name", "Wang Fang", "email", "not-an-email")),
                        List.of(Map.of("name", SCRIPT, "email", "wang@example.com")),
                        List.of(Map.of("name", "Wang Fang", "email", "wang@example.com", "phone", "call me"))),
                "serviceRegions", List.of(MISSING, List.of(), many("310000", 51), List.of(SQL), "310000"),
                "capabilities", List.of(MISSING, List.of(), List.of(SCRIPT), many("X", 31))));
        add(cases, "blacklist", "/api/v1/partner-blacklist", Caller.OPERATOR,
                Map.of("creditCode", freshCreditCode(), "reason", "fraud"), Map.of(
                "creditCode", List.of(MISSING, "91350100M000100Y44", SQL, HUGE),
                "reason", List.of(MISSING, "", SCRIPT, CONTROL, HUGE),
                "expiresOn", List.of("tomorrow", "2000-01-01", 42)));
        Map<String, Object> terms = terms(100);
        add(cases, "agreement", "/api/v1/partners/{partner}/agreements", Caller.OPERATOR, terms, Map.of(
                "cooperationMode", List.of(MISSING, "lower", SQL, HUGE),
                "startsOn", List.of(MISSING, "someday", 42),
                "endsOn", List.of(MISSING, LocalDate.now().minusDays(1).toString(),
                        LocalDate.now().plusYears(11).toString()),
                "rightsAndObligations", List.of(MISSING, "", SCRIPT, CONTROL, "r".repeat(4001)),
                "confidentiality", List.of(MISSING, SCRIPT),
                "breachLiability", List.of(MISSING, CONTROL),
                "commissionRate", List.of(MISSING, "5%", "1.5", "0.12345", "-0.1", SQL),
                "fulfilmentDays", List.of(MISSING, 0, 366, "three", 1.5),
                "apiQuotaPerMinute", List.of(MISSING, 0, -1, 100_001, "lots"),
                "terminationNoticeDays", List.of(MISSING, -1, 366)));
        add(cases, "amendment", "/api/v1/partners/{partner}/agreements/{agreement}/amendments", Caller.OPERATOR,
                terms, Map.of("commissionRate", List.of("0.5.0", HUGE), "apiQuotaPerMinute", List.of(0)));
        add(cases, "termination", "/api/v1/partners/{partner}/agreements/{agreement}/termination", Caller.OPERATOR,
                Map.of("reason", "end", "effectiveOn", LocalDate.now().plusYears(2).toString()), Map.of(
                "reason", List.of(MISSING, "", SCRIPT, HUGE),
                "effectiveOn", List.of(MISSING, "next week", 42)));
        add(cases, "inspection", "/api/v1/partners/{partner}/inspections", Caller.OPERATOR,
                Map.of("findings", List.of(Map.of("severity", "MINOR", "description", "late"))), Map.of(
                "findings", List.of(MISSING, List.of(), List.of(Map.of("severity", "HUGE", "description", "x")),
                        List.of(Map.of("severity", "MINOR", "description", SCRIPT)),
                        List.of(Map.of("severity", "MINOR")),
                        many(Map.of("severity", "MINOR", "description", "x"), 51)),
                "rectificationDueOn", List.of("yesterday", LocalDate.now().minusDays(1).toString(), 42)));
        add(cases, "evaluation", "/api/v1/partners/{partner}/evaluations", Caller.OPERATOR, Map.of(), Map.of(
                "periodStart", List.of("x", LocalDate.now().plusDays(1).toString(),
                        LocalDate.now().minusYears(2).toString()),
                "periodEnd", List.of("x", LocalDate.now().plusDays(5).toString())));
        add(cases, "webhook", "/api/v1/partners/{partner}/webhooks", Caller.PARTNER,
                Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("transaction.paid")), Map.of(
                "url", List.of(MISSING, "", "ftp://127.0.0.1/x", "http://10.0.0.1/x", "not a url",
                        "http://user:pw@127.0.0.1/x", HUGE),
                "events", List.of(MISSING, List.of(), List.of("user.registered"), List.of(SQL), List.of(SCRIPT),
                        many("transaction.paid", 31))));
        add(cases, "review", "/api/v1/partner-applications/{application}/reviews", Caller.OPERATOR,
                Map.of("decision", "APPROVE", "reasons", List.of("ok")), Map.of(
                "decision", List.of(MISSING, "MAYBE", 42),
                "reasons", List.of(MISSING, List.of(), List.of(SCRIPT), List.of(""), many("r", 11))));
        add(cases, "acceptance", "/api/v1/partners/{partner}/agreements/{agreement}/acceptance", Caller.ENTERPRISE,
                Map.of(), Map.of("version", List.of(0, "latest", -3)));
        return cases.stream().map(Arguments::of);
    }

    private static void add(List<Case> cases, String name, String path, Caller caller, Map<String, Object> valid,
            Map<String, List<Object>> bad) {
        bad.forEach((field, values) -> values.forEach(value -> cases.add(new Case(name, path, caller, valid, field,
                value))));
    }

    private static Signed target;

    private Signed target() throws Exception {
        if (target == null) {
            target = signed("MERCHANT");
        }
        return target;
    }

    private String snapshot() {
        return jdbc.queryForObject("""
                select (select count(*) from partner_application) || '/' || (select count(*) from partner_blacklist)
                       || '/' || (select count(*) from agreement_version) || '/' || (select count(*) from webhook)
                       || '/' || (select count(*) from inspection) || '/' || (select count(*) from evaluation)
                       || '/' || (select count(*) from audit_entry)
                       || '/' || (select string_agg(status, ',') from partner_application)""", String.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingTheFieldAndWritesNothing(Case c) throws Exception {
        Signed t = target();
        Map<String, Object> body = new HashMap<>(c.valid());
        if (c.value() == MISSING) {
            body.remove(c.field());
        }
        else {
            body.put(c.field(), c.value());
        }
        String path = c.path().replace("{partner}", t.partnerId().toString())
                .replace("{agreement}", t.agreementId().toString())
                .replace("{application}", t.applicant().applicationId().toString());
        String token = switch (c.caller()) {
            case ENTERPRISE -> c.name().equals("acceptance") ? t.applicant().token()
                    : enterprise(UUID.randomUUID().toString());
            case OPERATOR -> staff("operator");
            case PARTNER -> partnerToken(t.partnerId());
        };
        String before = snapshot();
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
        assertThat(response.getStatus()).as("status; body %s", response.getContentAsString()).isEqualTo(400);
        JsonNode problem = json.readTree(response.getContentAsString());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as("the problem names %s", c.field()).anySatisfy(f -> assertThat(f)
                .startsWith(c.field()));
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
    }
}
