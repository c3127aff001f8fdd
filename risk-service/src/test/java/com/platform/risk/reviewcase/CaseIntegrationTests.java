package com.platform.risk.reviewcase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** R3: a REVIEW decision opens a case; one risk officer takes it and decides it with reasons. */
class CaseIntegrationTests extends RiskServiceIntegrationTest {

    private JsonNode reviewed(UUID payer) throws Exception {
        JsonNode assessed = assess(payer, goodPartner(), "2500.00");
        assertThat(assessed.get("decision").asString()).isEqualTo("REVIEW");
        return assessed;
    }

    @Test
    void aReviewDecisionOpensACaseAndPublishesIt() throws Exception {
        UUID payer = payer(1, "ACTIVE", Duration.ofDays(100));
        JsonNode assessed = reviewed(payer);
        String caseId = assessed.get("caseId").asString();
        JsonNode listed = body(get("/api/v1/risk/cases?status=OPEN&payerId=" + payer, risk1())
                .andExpect(status().isOk()));
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        JsonNode item = listed.get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo(caseId);
        assertThat(item.get("assessmentId").asString()).isEqualTo(assessed.get("assessmentId").asString());
        assertThat(item.get("transactionId").asString()).isEqualTo(assessed.get("transactionId").asString());

        JsonNode opened = riskEvents(caseId, found -> !found.isEmpty()).get(0);
        assertThat(opened.get("type").asString()).isEqualTo("risk.case-opened");
        assertThat(opened.get("data").get("payerId").asString()).isEqualTo(payer.toString());
        assertThat(opened.get("data").get("assessmentId").asString())
                .isEqualTo(assessed.get("assessmentId").asString());
    }

    @Test
    void oneOwnerTakesTheCaseAndDecidesItAsFraud() throws Exception {
        UUID payer = payer(1, "ACTIVE", Duration.ofDays(100));
        JsonNode assessed = reviewed(payer);
        String caseId = assessed.get("caseId").asString();
        postJson("/api/v1/risk/cases/" + caseId + "/assignment", null, risk1()).andExpect(status().isOk())
                .andExpect(jsonPath("$.owner").value("risk1")).andExpect(jsonPath("$.status").value("IN_REVIEW"));
        postJson("/api/v1/risk/cases/" + caseId + "/assignment", null, risk1()).andExpect(status().isOk());
        postJson("/api/v1/risk/cases/" + caseId + "/assignment", null, risk2()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CASE_TAKEN"));
        postJson("/api/v1/risk/cases/" + caseId + "/decision", Map.of("decision", "REJECT", "fraudConfirmed", true,
                "reason", "not mine"), risk2()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CASE_TAKEN"));
        assertThat(body(get("/api/v1/risk/cases?owner=me", risk1())).toString()).contains(caseId);

        postJson("/api/v1/risk/cases/" + caseId + "/decision", Map.of("decision", "APPROVE", "fraudConfirmed", true,
                "reason", "odd"), risk1()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("fraudConfirmed"));
        postJson("/api/v1/risk/cases/" + caseId + "/decision", Map.of("decision", "REJECT", "fraudConfirmed", true,
                "reason", "card testing from a mule account"), risk1()).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECIDED"));
        postJson("/api/v1/risk/cases/" + caseId + "/decision", Map.of("decision", "APPROVE", "fraudConfirmed",
                false, "reason", "again"), risk1()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CASE_ALREADY_DECIDED"));

        List<JsonNode> events = riskEvents(caseId, found -> found.size() >= 2);
        JsonNode decided = events.stream().filter(e -> e.get("type").asString().equals("risk.case-decided"))
                .findFirst().orElseThrow();
        JsonNode data = decided.get("data");
        assertThat(data.get("caseId").asString()).isEqualTo(caseId);
        assertThat(data.get("payerId").asString()).isEqualTo(payer.toString());
        assertThat(data.get("fraudConfirmed").asBoolean()).isTrue();
        assertThat(data.get("reason").asString()).isEqualTo("card testing from a mule account");
        assertThat(data.get("decision").asString()).isEqualTo("REJECT");
        assertThat(data.get("transactionId").asString()).isEqualTo(assessed.get("transactionId").asString());
        assertThat(data.get("assessmentId").asString()).isEqualTo(assessed.get("assessmentId").asString());
        assertThat(data.get("partnerId").asString()).isNotBlank();
        assertThat(auditEntries("case.taken", caseId)).isEqualTo(1);
        assertThat(auditEntries("case.decided", caseId)).isEqualTo(1);
    }

    @Test
    void decidingAnOpenCaseTakesIt() throws Exception {
        String caseId = reviewed(payer(1, "ACTIVE", Duration.ofDays(100))).get("caseId").asString();
        postJson("/api/v1/risk/cases/" + caseId + "/decision", Map.of("decision", "APPROVE", "fraudConfirmed", false,
                "reason", "known customer"), risk2()).andExpect(status().isOk())
                .andExpect(jsonPath("$.owner").value("risk2")).andExpect(jsonPath("$.decidedBy").value("risk2"));
    }

    @Test
    void anUnknownCaseIs404() throws Exception {
        postJson("/api/v1/risk/cases/" + UUID.randomUUID() + "/assignment", null, risk1())
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CASE_NOT_FOUND"));
    }
}
