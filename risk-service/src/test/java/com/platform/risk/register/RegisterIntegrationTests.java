package com.platform.risk.register;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** R4 through the API. */
class RegisterIntegrationTests extends RiskServiceIntegrationTest {

    static Map<String, Object> risk(int likelihood, int impact, String strategy) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Payment institution outage");
        body.put("category", "TECHNICAL");
        body.put("description", "The main payment institution's API is unavailable during peak hours.");
        body.put("owner", "Head of payment operations");
        body.put("likelihood", likelihood);
        body.put("impact", impact);
        body.put("strategy", strategy);
        body.put("controls", List.of("second payment institution", "circuit breaker with fallback"));
        return body;
    }

    @Test
    void aRiskIsRatedByTheMatrixAndReviewedOnSchedule() throws Exception {
        Map<String, Object> request = risk(4, 3, "REDUCE");
        request.put("residualLikelihood", 2);
        request.put("residualImpact", 3);
        JsonNode created = body(postJson("/api/v1/risk/register", request, risk1()).andExpect(status().isCreated()));
        assertThat(created.get("level").asString()).isEqualTo("HIGH");
        assertThat(created.get("residualLevel").asString()).isEqualTo("MEDIUM");
        assertThat(created.get("overdue").asBoolean()).isFalse();
        String id = created.get("id").asString();

        clock.advance(Duration.ofDays(181));
        try {
            JsonNode overdue = body(get("/api/v1/risk/register?overdue=true&size=100", staff("auditor"))
                    .andExpect(status().isOk()));
            assertThat(overdue.toString()).contains(id);
            JsonNode reviewed = body(postJson("/api/v1/risk/register/" + id + "/reviews", Map.of("notes",
                    "fallback tested in the drill", "residualLikelihood", 1), risk2()).andExpect(status().isCreated()));
            assertThat(reviewed.get("residualLevel").asString()).isEqualTo("LOW");
            JsonNode after = body(get("/api/v1/risk/register/" + id, staff("auditor")).andExpect(status().isOk()));
            assertThat(after.get("overdue").asBoolean()).isFalse();
            assertThat(after.get("reviews").size()).isEqualTo(1);
            assertThat(after.get("residualLevel").asString()).isEqualTo("LOW");
        }
        finally {
            clock.advance(Duration.ofDays(-181));
        }
        assertThat(auditEntries("register.risk-registered", id)).isEqualTo(1);
        assertThat(auditEntries("register.risk-reviewed", id)).isEqualTo(1);
    }

    @Test
    void aStrategyTheRulesForbidIs422NamingWhy() throws Exception {
        postJson("/api/v1/risk/register", risk(5, 4, "TRANSFER"), risk1()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("STRATEGY_NOT_ALLOWED"))
                .andExpect(jsonPath("$.errors[0].field").value("strategy"));
        postJson("/api/v1/risk/register", risk(3, 2, "ACCEPT"), risk1()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("STRATEGY_NOT_ALLOWED"));
        Map<String, Object> accepted = risk(1, 3, "ACCEPT");
        postJson("/api/v1/risk/register", accepted, risk1()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("contingencyPlan"));
        accepted.put("contingencyPlan", "manual settlement by the finance desk");
        postJson("/api/v1/risk/register", accepted, risk1()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("LOW"));
    }

    @Test
    void aChangeIsAuditedAndReRated() throws Exception {
        String id = body(postJson("/api/v1/risk/register", risk(2, 2, "REDUCE"), risk1())).get("id").asString();
        JsonNode changed = body(putJson("/api/v1/risk/register/" + id, risk(5, 5, "AVOID"), risk1())
                .andExpect(status().isOk()));
        assertThat(changed.get("level").asString()).isEqualTo("CRITICAL");
        assertThat(changed.get("version").asInt()).isEqualTo(2);
        putJson("/api/v1/risk/register/" + id, risk(5, 5, "REDUCE"), risk1())
                .andExpect(status().isUnprocessableContent());
        assertThat(auditEntries("register.risk-changed", id)).isEqualTo(1);
    }
}
