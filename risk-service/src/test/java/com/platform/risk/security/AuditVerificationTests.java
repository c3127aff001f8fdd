package com.platform.risk.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** X2: staff actions land in the risk trail, which auditors can read and verify; tampering is detected. */
class AuditVerificationTests extends RiskServiceIntegrationTest {

    @Test
    void staffActionsAreInAVerifiableTrail() throws Exception {
        String id = ruleInForce("audited", "tx.amount == 7101.0", 10, "REVIEW", "LIVE").get("id").asString();
        postJson("/api/v1/risk/watchlist", Map.of("kind", "DEVICE", "value", "audited-device", "reason", "test"),
                risk1()).andExpect(status().isCreated());
        JsonNode events = body(get("/api/v1/audit/risk/events?targetId=" + id, staff("auditor"))
                .andExpect(status().isOk()));
        assertThat(events.toString()).contains("rule.created", "rule.approved", "risk1", "risk2");
        JsonNode verified = body(get("/api/v1/audit/risk/verification", staff("auditor")).andExpect(status().isOk()));
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("entries").asLong()).isGreaterThanOrEqualTo(3);
    }
}
