package com.platform.partner.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.partner.support.PartnerServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** X2: staff and partner actions land in the hash-chained trail, which auditors read and verify. */
class AuditTrailIntegrationTests extends PartnerServiceIntegrationTest {

    @Test
    void staffAndPartnerActionsAreAuditedAndTheChainVerifies() throws Exception {
        Signed signed = signed("PAYMENT_INSTITUTION");
        post("/api/v1/partners/" + signed.partnerId() + "/credentials/rotation", null,
                partnerToken(signed.partnerId())).andExpect(status().isOk());
        post("/api/v1/partners/" + signed.partnerId() + "/inspections", Map.of("findings", List.of(Map.of(
                "severity", "MINOR", "description", "late scans"))), staff("inspector-1", "operator"))
                .andExpect(status().isCreated());

        List<String> actions = jdbc.queryForList("select action from audit_entry where target_id in (?, ?, ?) "
                + "order by seq", String.class, signed.partnerId().toString(), signed.agreementId().toString(),
                signed.applicant().applicationId().toString());
        assertThat(actions).contains("partner-application.submit", "partner-application.review", "partner.admit",
                "agreement.draft", "agreement.propose", "agreement.sign", "partner-application.contracted",
                "partner.credentials-rotated");
        assertThat(jdbc.queryForObject("select actor from audit_entry where action = 'partner.inspect' order by seq "
                + "desc limit 1", String.class)).isEqualTo("inspector-1");
        assertThat(jdbc.queryForObject("select actor from audit_entry where action = 'agreement.sign' and target_id = ?",
                String.class, signed.agreementId().toString())).isEqualTo(signed.applicant().subject());

        JsonNode verification = body(get("/api/v1/audit/partners/verification", staff("auditor"))
                .andExpect(status().isOk()));
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(actions.size());
    }
}
