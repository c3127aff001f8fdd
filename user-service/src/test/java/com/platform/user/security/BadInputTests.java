package com.platform.user.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import com.platform.user.support.Documents;
import com.platform.user.support.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * X7, U3: every field of every request body with missing, wrong-type, too-long, malformed and hostile values
 * (SQL and script fragments, control characters, huge strings) gets a 400 problem naming the field and writes
 * nothing. Free-text fields accept SQL-looking text as text (bound parameters); markup and control characters
 * are refused there too.
 */
class BadInputTests extends UserServiceIntegrationTest {

    static final Object MISSING = new Object();
    static final String SQL = "x' OR '1'='1'; DROP TABLE user_account; --";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String CONTROL = "a\u0000b\u0007c";
    static final String HUGE = "A".repeat(1_000_000);

    /** Which caller sends the request: a fresh person, an operator, an admin or nobody. */
    enum Caller { NOBODY, PERSON, ENTERPRISE, OPERATOR, ADMIN }

    record Case(String name, HttpMethod method, String path, Caller caller, Map<String, Object> valid,
            String field, Object value) {

        @Override
        public String toString() {
            String shown = value == MISSING ? "missing" : String.valueOf(value);
            return name + "." + field + " = " + (shown.length() > 30 ? shown.substring(0, 30) + "…" : shown);
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        Map<String, Object> registration = Map.of("channel", "EMAIL", "email", "valid@example.com", "password",
                "correct horse battery", "displayName", "Li Lei");
        add(cases, "registration", HttpMethod.POST, "/api/v1/registrations", Caller.NOBODY, registration, Map.of(
                "channel", List.of(MISSING, 42, "FAX", SQL),
                "email", List.of(MISSING, 42, "not-an-email", "x".repeat(250) + "@example.com", SQL, SCRIPT + "@x.io",
                        "a\u0000@example.com", HUGE),
                "password", List.of(MISSING, 42, "short", "p".repeat(129), "pass\u0000word1", HUGE),
                "displayName", List.of(MISSING, 42, "", "n".repeat(65), SQL, SCRIPT, CONTROL, HUGE),
                "accountType", List.of(42, "ADMIN", SQL)));
        add(cases, "phone registration", HttpMethod.POST, "/api/v1/registrations", Caller.NOBODY,
                Map.of("channel", "PHONE", "phone", "+8613912345678", "password", "correct horse battery",
                        "displayName", "Li Lei"), Map.of(
                "phone", List.of(MISSING, 42, "12345", "+86123", SQL, SCRIPT, CONTROL, HUGE)));
        add(cases, "verification", HttpMethod.POST, "/api/v1/registrations/" + UUID.randomUUID() + "/verification",
                Caller.NOBODY, Map.of("code", "123456"), Map.of(
                "code", List.of(MISSING, "12345", "abcdef", "1234567", SQL, SCRIPT, CONTROL, HUGE)));
        add(cases, "identity", HttpMethod.POST, "/api/v1/users/me/identity-verifications", Caller.PERSON,
                Map.of("legalName", "张三", "documentType", "RESIDENT_ID", "documentNumber", "PLACEHOLDER"), Map.of(
                "legalName", List.of(MISSING, 42, "", "n".repeat(65), SQL, SCRIPT, CONTROL, HUGE),
                "documentType", List.of(MISSING, 42, "DRIVING_LICENCE", SQL),
                "documentNumber", List.of(MISSING, 42, "123", "1".repeat(33), SQL, SCRIPT, CONTROL, HUGE)));
        add(cases, "certification", HttpMethod.POST, "/api/v1/users/me/enterprise-certifications", Caller.ENTERPRISE,
                Map.of("companyName", "Acme", "creditCode", "CREDIT", "licenseNumber", "L-1",
                        "licenseExpiresOn", "2099-01-01"), Map.of(
                "companyName", List.of(MISSING, 42, "n".repeat(65), SQL, SCRIPT, CONTROL, HUGE),
                "creditCode", List.of(MISSING, 42, "91350100M000100Y44", "1".repeat(19), SQL, SCRIPT, CONTROL),
                "licenseNumber", List.of(MISSING, 42, "L".repeat(33), SQL, SCRIPT, CONTROL, HUGE),
                "licenseExpiresOn", List.of(MISSING, 42, "31/12/2099", "2020-01-01", SQL)));
        add(cases, "profile", HttpMethod.PATCH, "/api/v1/users/me", Caller.PERSON, Map.of("displayName", "New"),
                Map.of("displayName", List.of(MISSING, 42, "", "n".repeat(65), SQL, SCRIPT, CONTROL, HUGE)));
        add(cases, "violation", HttpMethod.POST, "/api/v1/users/{target}/violations", Caller.OPERATOR,
                Map.of("type", "OTHER", "severity", "MINOR", "description", "spam", "evidence", "ticket 1"), Map.of(
                "type", List.of(MISSING, 42, "MURDER", SQL),
                "severity", List.of(MISSING, 42, "HUGE", SQL),
                "description", List.of(MISSING, 42, "", "d".repeat(2001), SCRIPT, CONTROL, HUGE),
                "evidence", List.of(42, "e".repeat(2001), SCRIPT, CONTROL, HUGE)));
        add(cases, "appeal", HttpMethod.POST, "/api/v1/users/me/appeals", Caller.PERSON,
                Map.of("violationId", UUID.randomUUID().toString(), "reason", "not me"), Map.of(
                "violationId", List.of(MISSING, 42, "not-a-uuid", SQL),
                "reason", List.of(MISSING, 42, "", "r".repeat(2001), SCRIPT, CONTROL, HUGE)));
        add(cases, "appeal decision", HttpMethod.POST, "/api/v1/appeals/" + UUID.randomUUID() + "/decision",
                Caller.OPERATOR, Map.of("outcome", "UPHELD", "reason", "ok"), Map.of(
                "outcome", List.of(MISSING, 42, "MAYBE", SQL),
                "reason", List.of(MISSING, 42, "", "r".repeat(2001), SCRIPT, CONTROL, HUGE)));
        add(cases, "roles", HttpMethod.PUT, "/api/v1/users/{target}/roles", Caller.ADMIN,
                Map.of("roles", List.of("user")), Map.of(
                "roles", List.of(MISSING, 42, "admin", List.of(SQL), List.of(SCRIPT), List.of("superuser"),
                        List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")),
                "reason", List.of(42, "r".repeat(501), SCRIPT, CONTROL, HUGE)));
        add(cases, "access decision", HttpMethod.POST, "/api/v1/access-reviews/" + UUID.randomUUID() + "/items/"
                + UUID.randomUUID() + "/decision", Caller.ADMIN, Map.of("decision", "KEEP", "reason", "ok"), Map.of(
                "decision", List.of(MISSING, 42, "MAYBE", SQL),
                "reason", List.of(MISSING, 42, "", "r".repeat(501), SCRIPT, CONTROL, HUGE)));
        add(cases, "feedback", HttpMethod.POST, "/api/v1/feedback", Caller.PERSON,
                Map.of("kind", "COMPLAINT", "subject", "late", "body", "parcel late"), Map.of(
                "kind", List.of(MISSING, 42, "PRAISE", SQL),
                "subject", List.of(MISSING, 42, "", "s".repeat(201), SCRIPT, CONTROL, HUGE),
                "body", List.of(MISSING, 42, "", "b".repeat(5001), SCRIPT, CONTROL, HUGE)));
        add(cases, "reply", HttpMethod.POST, "/api/v1/feedback/" + UUID.randomUUID() + "/reply", Caller.OPERATOR,
                Map.of("reply", "done"), Map.of("reply", List.of(MISSING, 42, "", "r".repeat(5001), SCRIPT, CONTROL,
                        HUGE)));
        return cases.stream().map(Arguments::of);
    }

    private static void add(List<Case> cases, String name, HttpMethod method, String path, Caller caller,
            Map<String, Object> valid, Map<String, List<Object>> bad) {
        bad.forEach((field, values) -> values.forEach(value ->
                cases.add(new Case(name, method, path, caller, valid, field, value))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsA400NamingTheFieldAndWritesNothing(Case bad) throws Exception {
        Person person = bad.caller() == Caller.PERSON ? shared("PERSON")
                : bad.caller() == Caller.ENTERPRISE ? shared("ENTERPRISE") : null;
        Person target = bad.path().contains("{target}") ? shared("TARGET") : null;
        Map<String, Object> body = new LinkedHashMap<>(bad.valid());
        body.replaceAll((k, v) -> "PLACEHOLDER".equals(v) ? Documents.residentId()
                : "CREDIT".equals(v) ? Documents.creditCode() : v);
        if (bad.value() == MISSING) {
            body.remove(bad.field());
        }
        else {
            body.put(bad.field(), bad.value());
        }
        String path = target == null ? bad.path() : bad.path().replace("{target}", target.userId().toString());
        var call = request(bad.method(), path).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
        Function<Caller, String> token = caller -> switch (caller) {
            case NOBODY -> null;
            case PERSON, ENTERPRISE -> person.token();
            case OPERATOR -> staffToken("operator");
            case ADMIN -> staffToken("admin");
        };
        if (token.apply(bad.caller()) != null) {
            call.header("Authorization", token.apply(bad.caller()));
        }
        String before = rowCounts();

        var response = mvc.perform(call).andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .as(response.getContentAsString())
                .anySatisfy(field -> assertThat(field).startsWith(bad.field()));
        assertThat(response.getContentAsString()).doesNotContain("DROP TABLE").doesNotContain("<script>");
        assertThat(rowCounts()).isEqualTo(before);
    }

    private static final Map<String, Person> people = new java.util.HashMap<>();

    /** One account per kind for all cases: a refused request leaves it as it was, so the next case may use it. */
    private Person shared(String kind) throws Exception {
        if (!people.containsKey(kind)) {
            people.put(kind, activePerson(kind.equals("ENTERPRISE") ? "ENTERPRISE" : "PERSON"));
        }
        return people.get(kind);
    }

    private String rowCounts() {
        return jdbc.queryForObject("""
                select (select count(*) from user_account) || '/' || (select count(*) from registration) || '/'
                    || (select count(*) from identity_verification) || '/'
                    || (select count(*) from enterprise_certification) || '/' || (select count(*) from violation)
                    || '/' || (select count(*) from appeal) || '/' || (select count(*) from feedback) || '/'
                    || (select count(*) from access_review_item where decision is not null) || '/'
                    || (select count(*) from outbox_event) || '/' || (select count(*) from audit_entry)
                    || '/' || (select string_agg(display_name, ',' order by id) from user_account)
                """, String.class);
    }
}
