package com.platform.partner.admission;

import com.platform.partner.partner.CreditCode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.platform.partner.partner.PartnerEvents;
import com.platform.partner.support.PartnerServiceIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** P1-P3 through the API: automatic checks with the credit bureau on WireMock, the blacklist, reviews. */
class AdmissionIntegrationTests extends PartnerServiceIntegrationTest {

    private static final String APPLICATIONS = "/api/v1/partner-applications";

    @Autowired
    ApplicationService applications;


    private static JsonNode check(JsonNode application, String name) {
        for (JsonNode check : application.get("checks")) {
            if (check.get("name").asString().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name);
    }

    @Test
    void aCompleteApplicationPassesEveryCheckAndAwaitsReview() throws Exception {
        Applicant applicant = apply("MERCHANT");
        JsonNode submitted = applicant.submitted();
        assertThat(submitted.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(submitted.get("checks")).hasSize(6).allSatisfy(c -> assertThat(c.get("passed").asBoolean())
                .as(c.toString()).isTrue());
        assertThat(check(submitted, "CREDIT_STANDING").get("detail").asString()).contains("720");
        assertThat(outboxTypes(PartnerEvents.TOPIC, applicant.applicationId()))
                .containsExactly("partner.application-submitted", "partner.application-status-changed");
        // the applicant sees it; another enterprise does not
        get(APPLICATIONS + "/" + applicant.applicationId(), applicant.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.contacts[0].name").value("Wang Fang"));
        get(APPLICATIONS + "/" + applicant.applicationId(), enterprise(UUID.randomUUID().toString()))
                .andExpect(status().isNotFound());
        String stored = jdbc.queryForObject("select contacts::text from partner_application where id = ?",
                String.class, applicant.applicationId());
        assertThat(stored).as("contacts are encrypted at rest").doesNotContain("Wang Fang").doesNotContain("@");
    }

    @Test
    void aWrongCheckCharacterIsA400NamingTheFieldAndWritesNothing() throws Exception {
        Map<String, Object> body = application("MERCHANT");
        String valid = (String) body.get("creditCode");
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        body.put("creditCode", valid.substring(0, 17) + wrong);
        long before = jdbc.queryForObject("select count(*) from partner_application", Long.class);
        post(APPLICATIONS, body, enterprise(UUID.randomUUID().toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"));
        assertThat(jdbc.queryForObject("select count(*) from partner_application", Long.class)).isEqualTo(before);
    }

    @Test
    void anExpiredLicenceRejectsWithTheReasonVisibleToTheApplicant() throws Exception {
        Map<String, Object> body = application("MERCHANT");
        body.put("licenseExpiresOn", LocalDate.now().minusDays(1).toString());
        Applicant applicant = apply(body);
        assertThat(applicant.submitted().get("status").asString()).isEqualTo("REJECTED");
        assertThat(check(applicant.submitted(), "LICENSE_NOT_EXPIRED").get("passed").asBoolean()).isFalse();
        get(APPLICATIONS + "/" + applicant.applicationId(), applicant.token())
                .andExpect(jsonPath("$.reasons[0]").value(org.hamcrest.Matchers.containsString("expired")));
        assertThat(outboxTypes(PartnerEvents.TOPIC, applicant.applicationId()))
                .containsExactly("partner.application-submitted", "partner.application-rejected");
    }

    @Test
    void aCarrierWithoutItsExpressDeliveryPermitIsRejected() throws Exception {
        Map<String, Object> body = application("LOGISTICS");
        body.put("qualifications", List.of());
        Applicant applicant = apply(body);
        assertThat(applicant.submitted().get("status").asString()).isEqualTo("REJECTED");
        assertThat(check(applicant.submitted(), "REQUIRED_QUALIFICATIONS_PRESENT").get("detail").asString())
                .contains("EXPRESS_DELIVERY_PERMIT");
    }

    @Test
    void aBlacklistedCompanyIsRejectedAndTheBlacklistIsAudited() throws Exception {
        Map<String, Object> body = application("MERCHANT");
        String code = (String) body.get("creditCode");
        post("/api/v1/partner-blacklist", Map.of("creditCode", code, "reason", "fraud conviction"),
                staff("risk-1", "risk_officer")).andExpect(status().isCreated());
        Applicant applicant = apply(body);
        assertThat(applicant.submitted().get("status").asString()).isEqualTo("REJECTED");
        assertThat(check(applicant.submitted(), "NOT_BLACKLISTED").get("passed").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select actor from audit_entry where action = 'partner-blacklist.put' "
                + "and target_id = ?", String.class, code)).isEqualTo("risk-1");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/partner-blacklist/" + code).header("Authorization", staff("operator")))
                .andExpect(status().isNoContent());
        get("/api/v1/partner-blacklist/" + code, staff("auditor")).andExpect(status().isNotFound());
    }

    @Test
    void aScoreBelowTheThresholdRejects() throws Exception {
        Map<String, Object> body = application("MERCHANT");
        bureau.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                "/credit/v1/companies/" + body.get("creditCode") + "/score"))
                .willReturn(okJson("{\"score\":420,\"rating\":\"C\"}")));
        Applicant applicant = apply(body);
        assertThat(applicant.submitted().get("status").asString()).isEqualTo("REJECTED");
        assertThat(check(applicant.submitted(), "CREDIT_STANDING").get("detail").asString()).contains("420");
    }

    @Test
    void aCompanyTheBureauDoesNotKnowIsRejected() throws Exception {
        bureau.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/credit/.*"))
                .willReturn(aResponse().withStatus(404)));
        Applicant applicant = apply("MERCHANT");
        assertThat(applicant.submitted().get("status").asString()).isEqualTo("REJECTED");
        assertThat(check(applicant.submitted(), "CREDIT_STANDING").get("detail").asString()).contains("no record");
    }

    @Test
    void aBureauOutageLeavesTheCheckPendingAndTheRetryDecidesItLater() throws Exception {
        bureau.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/credit/.*"))
                .willReturn(aResponse().withStatus(503)));
        Applicant applicant = apply("MERCHANT");
        assertThat(applicant.submitted().get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode credit = check(applicant.submitted(), "CREDIT_STANDING");
        assertThat(credit.get("pending").asBoolean()).isTrue();
        assertThat(credit.get("passed").asBoolean()).isFalse();
        // not due yet: nothing happens
        applications.retryPendingCreditChecks();
        get(APPLICATIONS + "/" + applicant.applicationId(), applicant.token())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));

        bureau.resetAll();
        bureau.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/credit/.*"))
                .willReturn(okJson("{\"score\":700,\"rating\":\"A\"}")));
        clock.advance(Duration.ofMinutes(2));
        applications.retryPendingCreditChecks();
        get(APPLICATIONS + "/" + applicant.applicationId(), applicant.token())
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
    }

    @Test
    void aSlowBureauOrARefusedRequestIsNoAnswer() throws Exception {
        bureau.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/credit/.*"))
                .willReturn(okJson("{\"score\":700}").withFixedDelay(3000)));
        assertThat(apply("MERCHANT").submitted().get("status").asString()).isEqualTo("SUBMITTED");
        bureau.resetAll();
        bureau.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/credit/.*"))
                .willReturn(aResponse().withStatus(400)));
        assertThat(apply("MERCHANT").submitted().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void anOpenCircuitFailsFastWithoutCallingTheBureau() {
        bureau.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/credit/.*"))
                .willReturn(aResponse().withStatus(500)));
        CreditCode code = new CreditCode(freshCreditCode());
        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> creditBureau.score(code))
                    .isInstanceOf(CreditBureau.CreditBureauUnavailableException.class);
        }
        int reached = bureau.findAll(getRequestedFor(urlPathMatching("/credit/.*"))).size();
        assertThat(reached).as("calls that reached the bureau before the circuit opened").isEqualTo(10);
    }

    @Test
    void aReviewerLinkedToTheApplicationIsRefused() throws Exception {
        String operatorId = UUID.randomUUID().toString();
        Map<String, Object> body = application("MERCHANT");
        body.put("contacts", List.of(Map.of("name", "Li Lei", "email", freshEmail(), "userId", operatorId)));
        Applicant applicant = apply(body);
        Map<String, Object> approve = Map.of("decision", "APPROVE", "reasons", List.of("fine"));
        post(APPLICATIONS + "/" + applicant.applicationId() + "/reviews", approve, staff(operatorId, "operator"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("REVIEWER_CONFLICT"));
        post(APPLICATIONS + "/" + applicant.applicationId() + "/reviews", approve,
                staff(applicant.subject(), "operator"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("REVIEWER_CONFLICT"));
        get(APPLICATIONS + "/" + applicant.applicationId(), applicant.token())
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW")).andExpect(jsonPath("$.reviews.length()")
                        .value(0));
    }

    @Test
    void aPaymentInstitutionNeedsTwoDistinctApprovers() throws Exception {
        Applicant applicant = apply("PAYMENT_INSTITUTION");
        String path = APPLICATIONS + "/" + applicant.applicationId() + "/reviews";
        Map<String, Object> approve = Map.of("decision", "APPROVE", "reasons", List.of("licence verified"));
        String first = staff("operator-a", "operator");
        post(path, approve, first).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNDER_REVIEW"))
                .andExpect(jsonPath("$.outcome").value("AWAITING_SECOND_APPROVAL"));
        post(path, approve, first).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_REVIEWED"));
        JsonNode approved = body(post(path, approve, staff("operator-b", "operator")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED")));
        UUID partnerId = UUID.fromString(approved.get("partnerId").asString());
        get("/api/v1/partners/" + partnerId, staff("auditor")).andExpect(jsonPath("$.status").value("ADMITTED"))
                .andExpect(jsonPath("$.type").value("PAYMENT_INSTITUTION"));
        assertThat(outboxTypes(PartnerEvents.TOPIC, applicant.applicationId())).contains("partner.admitted");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'partner-application.review' "
                + "and target_id = ?", Long.class, applicant.applicationId().toString())).isEqualTo(2);
    }

    @Test
    void aRejectionCarriesTheReviewersReasons() throws Exception {
        Applicant applicant = apply("SERVICE_PROVIDER");
        post(APPLICATIONS + "/" + applicant.applicationId() + "/reviews", Map.of("decision", "REJECT",
                "reasons", List.of("service regions not covered")), staff("operator")).andExpect(status().isOk());
        get(APPLICATIONS + "/" + applicant.applicationId(), applicant.token())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reasons[0]").value("service regions not covered"));
        JsonNode rejected = lastOutboxData(PartnerEvents.TOPIC, applicant.applicationId(),
                "partner.application-rejected");
        assertThat(rejected.get("reasons").get(0).asString()).isEqualTo("service regions not covered");
    }
}
