package com.platform.partner.agreement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.platform.partner.partner.PartnerEvents;
import com.platform.partner.support.PartnerServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** P4 and the first signature's API client (P7) through the API, with the gateway's quota records (G2). */
class AgreementIntegrationTests extends PartnerServiceIntegrationTest {

    @Autowired
    AgreementService agreements;

    @Autowired
    ExpiryReminders reminders;

    private String eligibility(UUID partnerId) {
        return bearer(tokens.service());
    }

    @Test
    void theFirstSignatureActivatesThePartnerAndReturnsItsClientOnce() throws Exception {
        Admitted admitted = admitted("MERCHANT");
        UUID partnerId = admitted.partnerId();
        get("/internal/v1/partners/" + partnerId + "/eligibility", bearer(tokens.service()))
                .andExpect(jsonPath("$.status").value("ADMITTED")).andExpect(jsonPath("$.agreementActive")
                        .value(false)).andExpect(jsonPath("$.commissionRate").doesNotExist());
        UUID agreementId = proposed(partnerId, terms(120));
        // someone else's enterprise account or partner system cannot sign
        post("/api/v1/partners/" + partnerId + "/agreements/" + agreementId + "/acceptance", null,
                enterprise(UUID.randomUUID().toString())).andExpect(status().isNotFound());
        post("/api/v1/partners/" + partnerId + "/agreements/" + agreementId + "/acceptance", null,
                partnerToken(UUID.randomUUID())).andExpect(status().isNotFound());

        JsonNode accepted = body(post("/api/v1/partners/" + partnerId + "/agreements/" + agreementId
                + "/acceptance", null, admitted.applicant().token()).andExpect(status().isOk()));
        String clientId = accepted.get("clientId").asString();
        String secret = accepted.get("clientSecret").asString();
        assertThat(clientId).isEqualTo("partner-" + partnerId);
        assertThat(keycloak.accepts(clientId, secret)).isTrue();
        assertThat(accepted.at("/agreement/status").asString()).isEqualTo("ACTIVE");

        get("/internal/v1/partners/" + partnerId + "/eligibility", bearer(tokens.service()))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.agreementActive").value(true))
                .andExpect(jsonPath("$.commissionRate").value("0.0500"))
                .andExpect(jsonPath("$.fulfilmentDays").value(3))
                .andExpect(jsonPath("$.agreementId").value(agreementId.toString()))
                .andExpect(jsonPath("$.agreementVersion").value(1));
        get("/api/v1/partner-applications/" + admitted.applicant().applicationId(), admitted.applicant().token())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        // the secret is never shown again: reading the partner shows the client id only
        String partnerView = get("/api/v1/partners/" + partnerId, partnerToken(partnerId))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(partnerView).contains(clientId).doesNotContain(secret);

        assertThat(outboxTypes(PartnerEvents.TOPIC, partnerId)).containsExactly("agreement.proposed",
                "partner.status-changed", "agreement.signed");
        JsonNode signed = lastOutboxData(PartnerEvents.TOPIC, partnerId, "agreement.signed");
        assertThat(signed.get("commissionRate").asString()).isEqualTo("0.0500");
        assertThat(signed.get("apiQuotaPerMinute").asInt()).isEqualTo(120);
        assertThat(signed.get("status").asString()).isEqualTo("ACTIVE");

        List<JsonNode> quotas = eventsOn(PartnerEvents.QUOTA_TOPIC, partnerId.toString(), 1);
        assertThat(quotas.get(0).get("type").asString()).isEqualTo("partner.quota-set");
        assertThat(quotas.get(0).at("/data/apiQuotaPerMinute").asInt()).isEqualTo(120);
        assertThat(quotas.get(0).at("/data/agreementVersion").asInt()).isEqualTo(1);
    }

    @Test
    void anAgreementMustBeProposedBeforeItIsSigned() throws Exception {
        Admitted admitted = admitted("MERCHANT");
        JsonNode draft = body(post("/api/v1/partners/" + admitted.partnerId() + "/agreements", terms(60),
                staff("operator")).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT")));
        post("/api/v1/partners/" + admitted.partnerId() + "/agreements/" + draft.get("id").asString()
                + "/acceptance", null, admitted.applicant().token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("AGREEMENT_NOT_PROPOSED"));
        assertThat(keycloak.exists("partner-" + admitted.partnerId())).as("no client for an unsigned partner")
                .isFalse();
    }

    @Test
    void keycloakDownAtTheFirstSignatureSignsNothingAndALaterTryWorks() throws Exception {
        Admitted admitted = admitted("MERCHANT");
        UUID agreementId = proposed(admitted.partnerId(), terms(60));
        String accept = "/api/v1/partners/" + admitted.partnerId() + "/agreements/" + agreementId + "/acceptance";
        keycloak.goDown();
        post(accept, null, admitted.applicant().token()).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("IDENTITY_PROVIDER_UNAVAILABLE"));
        get("/api/v1/partners/" + admitted.partnerId(), staff("operator"))
                .andExpect(jsonPath("$.status").value("ADMITTED"));
        keycloak.comeBack();
        post(accept, null, admitted.applicant().token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.clientSecret").isNotEmpty());
    }

    @Test
    void anAmendmentIsANewVersionThePartnerAcceptsAndOnlyOneVersionIsActive() throws Exception {
        Signed signed = signed("LOGISTICS");
        String base = "/api/v1/partners/" + signed.partnerId() + "/agreements/" + signed.agreementId();
        post(base + "/amendments", terms(300), staff("operator")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.status").value("PROPOSED"));
        get("/internal/v1/partners/" + signed.partnerId() + "/eligibility", bearer(tokens.service()))
                .andExpect(jsonPath("$.agreementVersion").value(1));
        // the partner's own system accepts it; no new client secret
        JsonNode accepted = body(post(base + "/acceptance", Map.of("version", 2), partnerToken(signed.partnerId()))
                .andExpect(status().isOk()));
        assertThat(accepted.get("clientSecret").isNull()).isTrue();
        JsonNode versions = body(get(base, staff("auditor"))).get("versions");
        assertThat(versions.get(0).get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(versions.get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select count(*) from agreement_version where partner_id = ? and status = "
                + "'ACTIVE'", Long.class, signed.partnerId())).isEqualTo(1);
        assertThat(lastOutboxData(PartnerEvents.QUOTA_TOPIC, signed.partnerId(), "partner.quota-set")
                .get("apiQuotaPerMinute").asInt()).isEqualTo(300);
        assertThat(outboxTypes(PartnerEvents.TOPIC, signed.partnerId())).contains("agreement.amended");
    }

    @Test
    void terminationNeedsItsNoticeAndThenStopsThePartnerAndRevokesItsClient() throws Exception {
        Signed signed = signed("MERCHANT", terms(100, LocalDate.now(), LocalDate.now().plusYears(1), 30));
        String termination = "/api/v1/partners/" + signed.partnerId() + "/agreements/" + signed.agreementId()
                + "/termination";
        post(termination, Map.of("reason", "repeated late deliveries", "effectiveOn",
                LocalDate.now().plusDays(5).toString()), staff("operator"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("TERMINATION_NOTICE_TOO_SHORT"));
        LocalDate effectiveOn = LocalDate.now(clock).plusDays(30);
        post(termination, Map.of("reason", "repeated late deliveries", "effectiveOn", effectiveOn.toString()),
                staff("operator")).andExpect(status().isOk());
        // until the effective date the agreement runs
        get("/internal/v1/partners/" + signed.partnerId() + "/eligibility", bearer(tokens.service()))
                .andExpect(jsonPath("$.agreementActive").value(true));
        assertThat(keycloak.exists(signed.clientId())).isTrue();

        clock.advance(Duration.ofDays(31));
        try {
            agreements.endDue();
            get("/internal/v1/partners/" + signed.partnerId() + "/eligibility", bearer(tokens.service()))
                    .andExpect(jsonPath("$.agreementActive").value(false))
                    .andExpect(jsonPath("$.status").value("TERMINATED"));
        }
        finally {
            clock.advance(Duration.ofDays(-31));
        }
        assertThat(keycloak.exists(signed.clientId())).as("client revoked").isFalse();
        get("/api/v1/partners/" + signed.partnerId(), staff("operator"))
                .andExpect(jsonPath("$.clientState").value("REVOKED"));
        assertThat(lastOutboxData(PartnerEvents.QUOTA_TOPIC, signed.partnerId(), "partner.quota-set")
                .get("apiQuotaPerMinute").asInt()).isZero();
        JsonNode terminated = lastOutboxData(PartnerEvents.TOPIC, signed.partnerId(), "agreement.terminated");
        assertThat(terminated.get("effectiveOn").asString()).isEqualTo(effectiveOn.toString());
    }

    @Test
    void aTerminationEffectiveTodayEndsAtOnce() throws Exception {
        Signed signed = signed("MERCHANT");
        post("/api/v1/partners/" + signed.partnerId() + "/agreements/" + signed.agreementId() + "/termination",
                Map.of("reason", "partner asked to leave", "effectiveOn", LocalDate.now(clock).toString()),
                staff("operator")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("TERMINATED"));
        get("/internal/v1/partners/" + signed.partnerId() + "/eligibility", bearer(tokens.service()))
                .andExpect(jsonPath("$.agreementActive").value(false));
        assertThat(keycloak.exists(signed.clientId())).isFalse();
        // a terminated partner gets no new agreement
        post("/api/v1/partners/" + signed.partnerId() + "/agreements", terms(10), staff("operator"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("PARTNER_TERMINATED"));
    }

    @Test
    void anExpiredAgreementStopsThePartnerFromTransacting() throws Exception {
        Signed signed = signed("MERCHANT", terms(100, LocalDate.now(clock), LocalDate.now(clock).plusDays(10), 0));
        clock.advance(Duration.ofDays(11));
        try {
            agreements.endDue();
            get("/internal/v1/partners/" + signed.partnerId() + "/eligibility", bearer(tokens.service()))
                    .andExpect(jsonPath("$.agreementActive").value(false));
        }
        finally {
            clock.advance(Duration.ofDays(-11));
        }
        assertThat(outboxTypes(PartnerEvents.TOPIC, signed.partnerId())).contains("agreement.expired");
        assertThat(lastOutboxData(PartnerEvents.QUOTA_TOPIC, signed.partnerId(), "partner.quota-set")
                .get("apiQuotaPerMinute").asInt()).isZero();
    }

    @Test
    void expiryRemindersGoOutOnceAtEachLeadTimeByEventAndEmail() throws Exception {
        Signed signed = signed("MERCHANT", terms(100, LocalDate.now(clock), LocalDate.now(clock).plusDays(20), 0));
        String contact = jdbc.queryForObject("select count(*) from partner where id = ?", Long.class,
                signed.partnerId()) == 1 ? contactEmail(signed) : null;
        reminders.remindDue();
        reminders.remindDue();
        assertThat(jdbc.queryForList("select lead_days from agreement_reminder where agreement_id = ?",
                Integer.class, signed.agreementId())).containsExactly(30);
        JsonNode expiring = lastOutboxData(PartnerEvents.TOPIC, signed.partnerId(), "agreement.expiring");
        assertThat(expiring.get("daysLeft").asInt()).isEqualTo(20);
        assertThat(mailsTo(contact)).hasSize(1);
        assertThat(GreenMailUtil.getBody(mailsTo(contact).get(0))).contains("20 days");

        clock.advance(Duration.ofDays(14));
        try {
            reminders.remindDue();
            reminders.remindDue();
        }
        finally {
            clock.advance(Duration.ofDays(-14));
        }
        assertThat(jdbc.queryForList("select lead_days from agreement_reminder where agreement_id = ? order by "
                + "lead_days", Integer.class, signed.agreementId())).containsExactly(7, 30);
        assertThat(mailsTo(contact)).hasSize(2);
        assertThat(outboxTypes(PartnerEvents.TOPIC, signed.partnerId()).stream()
                .filter("agreement.expiring"::equals)).hasSize(2);
    }

    @Test
    void thePartnerRotatesItsSecretAndTheOldOneStopsWorking() throws Exception {
        Signed signed = signed("SERVICE_PROVIDER");
        JsonNode rotated = body(post("/api/v1/partners/" + signed.partnerId() + "/credentials/rotation", null,
                partnerToken(signed.partnerId())).andExpect(status().isOk()));
        assertThat(rotated.get("clientId").asString()).isEqualTo(signed.clientId());
        assertThat(keycloak.accepts(signed.clientId(), rotated.get("clientSecret").asString())).isTrue();
        assertThat(keycloak.accepts(signed.clientId(), signed.clientSecret())).isFalse();
        // another partner cannot rotate it; an admin can
        post("/api/v1/partners/" + signed.partnerId() + "/credentials/rotation", null, partnerToken(UUID.randomUUID()))
                .andExpect(status().isNotFound());
        post("/api/v1/partners/" + signed.partnerId() + "/credentials/rotation", null, staff("admin"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'partner.credentials-rotated'"
                + " and target_id = ?", Long.class, signed.partnerId().toString())).isEqualTo(2);
    }

    private String contactEmail(Signed signed) throws Exception {
        JsonNode application = body(get("/api/v1/partner-applications/" + signed.applicant().applicationId(),
                signed.applicant().token()));
        return application.at("/contacts/0/email").asString();
    }

    private static List<MimeMessage> mailsTo(String email) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            for (var recipient : message.getAllRecipients()) {
                if (recipient.toString().equalsIgnoreCase(email)) {
                    found.add(message);
                }
            }
        }
        return found;
    }
}
