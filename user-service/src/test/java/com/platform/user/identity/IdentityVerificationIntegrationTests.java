package com.platform.user.identity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import com.platform.user.support.Documents;
import com.platform.user.support.HeldResponses;
import com.platform.user.support.UserServiceIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** U4 real-name verification against the identity provider (WireMock), U4 enterprise certification, U5 at rest. */
@ExtendWith(OutputCaptureExtension.class)
class IdentityVerificationIntegrationTests extends UserServiceIntegrationTest {

    private static final String VERIFY = "/api/v1/users/me/identity-verifications";

    @Autowired
    IdentityVerificationService verifications;

    @Autowired
    IdentityProvider provider;

    @Autowired
    CircuitBreakerRegistry breakers;

    private static Map<String, Object> residentId(String name, String number) {
        return Map.of("legalName", name, "documentType", "RESIDENT_ID", "documentNumber", number);
    }

    @Test
    void aMatchingDocumentRaisesTheAccountToL2(CapturedOutput output) throws Exception {
        Person person = activePerson();
        String number = Documents.residentId();
        postJson(VERIFY, residentId("张三", number), person.token())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.level").value("L2"));
        mvc.perform(get("/api/v1/users/me").header("Authorization", person.token()))
                .andExpect(jsonPath("$.level").value("L2"));
        mvc.perform(get("/internal/v1/users/" + person.userId() + "/eligibility")
                        .header("Authorization", bearer(tokens.service())))
                .andExpect(jsonPath("$.level").value("L2")).andExpect(jsonPath("$.canTransact").value(true));

        String stored = jdbc.queryForObject("select document_cipher from identity_verification where user_id = ?",
                String.class, person.userId());
        assertThat(stored).startsWith("v1:").doesNotContain(number);
        assertThat(output.getAll()).doesNotContain(number).doesNotContain("张三");
        assertThat(eventsOf(person.userId(), 6)).extracting(e -> e.get("type").asString())
                .contains("user.identity-verified", "user.level-changed");
    }

    @Test
    void aDocumentBacksOneAccountOnly() throws Exception {
        String number = Documents.residentId();
        postJson(VERIFY, residentId("李四", number), activePerson().token()).andExpect(status().isCreated());
        Person other = activePerson();
        postJson(VERIFY, residentId("李四", number), other.token())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IDENTITY_ALREADY_BOUND"));
        assertThat(jdbc.queryForObject("select count(*) from identity_verification where user_id = ?", Long.class,
                other.userId())).isZero();
    }

    @Test
    void aWrongCheckCharacterIsRefusedNamingTheField() throws Exception {
        Person person = activePerson();
        postJson(VERIFY, residentId("王五", Documents.withWrongCheck(Documents.residentId())), person.token())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentNumber"));
        postJson(VERIFY, Map.of("legalName", "Wang Wu", "documentType", "PASSPORT", "documentNumber", "12"),
                person.token())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentNumber"));
    }

    @Test
    void aMismatchIsRejectedAndTheLevelStays() throws Exception {
        thirdParties.stubFor(post(urlPathEqualTo("/identity/v1/verifications"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"verificationId\":\"idv-2\",\"result\":\"NO_MATCH\"}")));
        Person person = activePerson();
        String number = Documents.residentId();
        postJson(VERIFY, residentId("赵六", number), person.token())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.level").value("L1"));
        // a rejected document is not bound: the right name can be tried again
        thirdParties.resetAll();
        thirdPartiesAnswerNormallyAgain();
        postJson(VERIFY, residentId("赵六", number), person.token()).andExpect(jsonPath("$.status").value("VERIFIED"));
    }

    @Test
    void aProviderOutageLeavesItPendingUntilARetryGetsTheAnswer() throws Exception {
        thirdParties.stubFor(post(urlPathEqualTo("/identity/v1/verifications"))
                .willReturn(aResponse().withStatus(500)));
        Person person = activePerson();
        JsonNode pending = body(postJson(VERIFY, residentId("Zhou Qi", Documents.residentId()), person.token())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.level").value("L1")));

        postJson(VERIFY, residentId("Zhou Qi", Documents.residentId()), person.token())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IDENTITY_VERIFICATION_PENDING"));

        verifications.retryDue();
        assertThat(storedStatus(pending)).as("not before its retry time").isEqualTo("PENDING");

        thirdPartiesAnswerNormallyAgain();
        clock.advance(Duration.ofSeconds(31));
        verifications.retryDue();
        assertThat(storedStatus(pending)).isEqualTo("VERIFIED");
        mvc.perform(get("/api/v1/users/me").header("Authorization", person.token()))
                .andExpect(jsonPath("$.level").value("L2"));
    }

    @Test
    void theRetryJobNeverAsksAgainWhileTheSubmissionsCallIsRunning() throws Exception {
        Person person = activePerson();
        String number = Documents.residentId();
        heldResponses.hold();
        thirdParties.stubFor(post(urlPathEqualTo("/identity/v1/verifications"))
                .withRequestBody(matchingJsonPath("$.documentNumber", equalTo(number)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"verificationId\":\"idv-4\",\"result\":\"MATCH\"}")
                        .withTransformers(HeldResponses.NAME)));
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> submitted = caller.submit(() -> postJson(VERIFY, residentId("Qian Jiu", number),
                    person.token()).andReturn().getResponse().getStatus());
            heldResponses.awaitArrival();

            // the submission's row is due (its first attempt is its submission) but claimed by the running call
            verifications.retryDue();
            assertThat(heldResponses.requests()).as("calls while the first is in flight").isEqualTo(1);

            heldResponses.release();
            assertThat(submitted.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        }
        finally {
            caller.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select status from identity_verification where user_id = ?", String.class,
                person.userId())).isEqualTo("VERIFIED");
        verifications.retryDue();
        assertThat(heldResponses.requests()).as("one call in all").isEqualTo(1);
    }

    @Test
    void aSlowProviderIsCutOffAndNeverApproves() throws Exception {
        thirdParties.stubFor(post(urlPathEqualTo("/identity/v1/verifications"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"verificationId\":\"idv-3\",\"result\":\"MATCH\"}")));
        Person person = activePerson();
        // the MATCH comes after 4 s: PENDING proves the 3 s read timeout cut the call off instead of waiting
        postJson(VERIFY, residentId("Wu Ba", Documents.residentId()), person.token())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.level").value("L1"));
        assertThat(jdbc.queryForMap("select status, attempts from identity_verification where user_id = ?",
                person.userId())).containsEntry("status", "PENDING").containsEntry("attempts", 1);
    }

    @Test
    void anOpenCircuitFailsFastWithoutCallingTheProvider() {
        thirdParties.stubFor(post(urlPathEqualTo("/identity/v1/verifications"))
                .willReturn(aResponse().withStatus(503)));
        // earlier tests' failures count in the sliding window: start from a closed, empty breaker
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        try {
            int attempts = 30;
            for (int i = 0; i < attempts; i++) {
                assertThatThrownBy(() -> provider.verify("Li Lei", DocumentType.PASSPORT, "E12345678"))
                        .isInstanceOf(IdentityProvider.IdentityProviderUnavailableException.class);
            }
            int reached = thirdParties.findAll(postRequestedFor(urlPathEqualTo("/identity/v1/verifications")))
                    .size();
            // the breaker judges after 10 calls (minimum-number-of-calls) and then stops calling
            assertThat(reached).as("calls that reached the provider").isEqualTo(10);
        }
        finally {
            breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        }
    }

    @Test
    void anEnterpriseIsCertifiedAtL3AfterItsRepresentativeIsVerified() throws Exception {
        Person company = activePerson("ENTERPRISE");
        Map<String, Object> certification = Map.of("companyName", "Postal Logistics Co", "creditCode",
                Documents.creditCode(), "licenseNumber", "LIC-2026-001", "licenseExpiresOn",
                LocalDate.now().plusYears(2).toString());
        postJson("/api/v1/users/me/enterprise-certifications", certification, company.token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("LEVEL_TOO_LOW"));

        postJson(VERIFY, residentId("钱九", Documents.residentId()), company.token())
                .andExpect(jsonPath("$.level").value("L2"));
        postJson("/api/v1/users/me/enterprise-certifications", certification, company.token())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CERTIFIED"))
                .andExpect(jsonPath("$.level").value("L3"));

        Person another = activePerson("ENTERPRISE");
        postJson(VERIFY, residentId("孙十", Documents.residentId()), another.token());
        postJson("/api/v1/users/me/enterprise-certifications", certification, another.token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("COMPANY_ALREADY_CERTIFIED"));
    }

    @Test
    void aBadCreditCodeOrAnExpiredLicenceIsRefusedNamingTheField() throws Exception {
        Person company = activePerson("ENTERPRISE");
        String code = Documents.creditCode();
        String broken = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        postJson("/api/v1/users/me/enterprise-certifications", Map.of("companyName", "Acme", "creditCode", broken,
                "licenseNumber", "L1", "licenseExpiresOn", "2030-01-01"), company.token())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("creditCode"));
        postJson("/api/v1/users/me/enterprise-certifications", Map.of("companyName", "Acme", "creditCode", code,
                "licenseNumber", "L1", "licenseExpiresOn", "2020-01-01"), company.token())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("licenseExpiresOn"));
    }

    private String storedStatus(JsonNode verification) {
        return jdbc.queryForObject("select status from identity_verification where id = ?::uuid", String.class,
                verification.get("id").asString());
    }

    private void thirdPartiesAnswerNormallyAgain() {
        thirdParties.stubFor(post(urlPathEqualTo("/identity/v1/verifications"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"verificationId\":\"idv-1\",\"result\":\"MATCH\"}")));
    }
}
