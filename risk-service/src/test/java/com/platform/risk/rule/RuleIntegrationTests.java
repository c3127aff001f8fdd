package com.platform.risk.rule;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R2 through the API. Each test's rule fires only on its own amount, so rules written here never change other
 * tests' decisions.
 */
class RuleIntegrationTests extends RiskServiceIntegrationTest {

    private static Map<String, Object> rule(String name, String expression, int score, String action, String mode) {
        return Map.of("name", name, "expression", expression, "score", score, "action", action, "mode", mode);
    }

    @Test
    void aLiveRuleStaysPendingUntilASecondRiskOfficerApprovesIt() throws Exception {
        JsonNode created = body(postJson("/api/v1/risk/rules", rule("large round sum", "tx.amount == 7001.0", 100,
                "REJECT", "LIVE"), risk1()).andExpect(status().isCreated()));
        String id = created.get("id").asString();
        assertThat(created.get("active").isNull()).isTrue();
        assertThat(created.get("pending").get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(assess(goodPayer(), goodPartner(), "7001.00").get("decision").asString())
                .as("pending: not in force").isEqualTo("APPROVE");

        postJson("/api/v1/risk/rules/" + id + "/approval", Map.of(), risk1()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("RULE_APPROVAL_BY_AUTHOR"));
        JsonNode approved = body(postJson("/api/v1/risk/rules/" + id + "/approval", Map.of("version", 1), risk2())
                .andExpect(status().isOk()));
        assertThat(approved.get("active").get("approvedBy").asString()).isEqualTo("risk2");
        assertThat(approved.get("mode").asString()).isEqualTo("LIVE");
        assertThat(approved.get("pending").isNull()).isTrue();

        JsonNode assessed = assess(goodPayer(), goodPartner(), "7001.00");
        assertThat(assessed.get("decision").asString()).isEqualTo("REJECT");
        assertThat(assessed.get("firedRules").get(0).get("ruleId").asString()).isEqualTo(id);
        assertThat(auditEntries("rule.created", id)).isEqualTo(1);
        assertThat(auditEntries("rule.approved", id)).isEqualTo(1);
        postJson("/api/v1/risk/rules/" + id + "/approval", Map.of(), risk2()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RULE_NOTHING_PENDING"));
    }

    @Test
    void aChangeIsANewVersionAndTheOldOneRunsUntilTheNewIsApproved() throws Exception {
        String id = ruleInForce("odd amount", "tx.amount == 7002.0", 60, "REVIEW", "LIVE").get("id").asString();
        JsonNode changed = body(putJson("/api/v1/risk/rules/" + id, rule("odd amount", "tx.amount == 7002.0", 100,
                "REJECT", "LIVE"), risk2()).andExpect(status().isOk()));
        assertThat(changed.get("version").asInt()).isEqualTo(1);
        assertThat(changed.get("pending").get("version").asInt()).isEqualTo(2);
        JsonNode meanwhile = assess(goodPayer(), goodPartner(), "7002.00");
        assertThat(meanwhile.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(meanwhile.get("firedRules").get(0).get("version").asInt()).isEqualTo(1);

        postJson("/api/v1/risk/rules/" + id + "/approval", Map.of(), risk2()).andExpect(status().isForbidden());
        postJson("/api/v1/risk/rules/" + id + "/approval", Map.of("version", 1), risk1())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RULE_VERSION_NOT_PENDING"));
        postJson("/api/v1/risk/rules/" + id + "/approval", Map.of("version", 2), risk1()).andExpect(status().isOk());
        JsonNode after = assess(goodPayer(), goodPartner(), "7002.00");
        assertThat(after.get("decision").asString()).isEqualTo("REJECT");
        assertThat(after.get("firedRules").get(0).get("version").asInt()).isEqualTo(2);

        JsonNode history = body(get("/api/v1/risk/rules/" + id, staff("auditor")).andExpect(status().isOk()));
        assertThat(history.get("versions").size()).isEqualTo(2);
        assertThat(history.get("versions").get(0).get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(history.get("versions").get(1).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aShadowRuleIsRecordedApartAndNeverDecides() throws Exception {
        String id = ruleInForce("shadow trial", "tx.amount == 7003.0", 500, "REJECT", "SHADOW").get("id")
                .asString();
        JsonNode assessed = assess(goodPayer(), goodPartner(), "7003.00");
        assertThat(assessed.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(assessed.get("firedRules")).isEmpty();
        JsonNode explained = body(get("/api/v1/risk/assessments/" + assessed.get("assessmentId").asString(),
                risk1()));
        boolean shadowHit = false;
        for (JsonNode outcome : explained.get("shadowOutcomes")) {
            if (outcome.get("ruleId").asString().equals(id)) {
                shadowHit = outcome.get("outcome").asString().equals("HIT");
            }
        }
        assertThat(shadowHit).isTrue();
        assertThat(explained.get("liveOutcomes").toString()).doesNotContain(id);
    }

    @Test
    void disablingARuleTakesEffectAtOnce() throws Exception {
        String id = ruleInForce("to disable", "tx.amount == 7004.0", 100, "REJECT", "LIVE").get("id").asString();
        assertThat(assess(goodPayer(), goodPartner(), "7004.00").get("decision").asString()).isEqualTo("REJECT");
        putJson("/api/v1/risk/rules/" + id, rule("to disable", "tx.amount == 7004.0", 100, "REJECT", "DISABLED"),
                risk1()).andExpect(status().isOk()).andExpect(jsonPath("$.mode").value("DISABLED"));
        assertThat(assess(goodPayer(), goodPartner(), "7004.00").get("decision").asString()).isEqualTo("APPROVE");
    }

    @Test
    void aLiveRuleThatFailsToEvaluateIsAnErrorOutcomeAndTheDecisionAtLeastReview() throws Exception {
        ruleInForce("fragile", "tx.amount == 7005.0 && velocity.count24h / (payer.level - 2) > 1", 100, "REJECT",
                "LIVE");
        JsonNode assessed = assess(goodPayer(), goodPartner(), "7005.00");
        assertThat(assessed.get("decision").asString()).isEqualTo("REVIEW");
        JsonNode explained = body(get("/api/v1/risk/assessments/" + assessed.get("assessmentId").asString(),
                risk1()));
        assertThat(explained.get("liveOutcomes").toString()).contains("\"outcome\":\"ERROR\"");
        assertThat(explained.get("reasons").toString()).contains("RULE_ERROR:");
    }

    @Test
    void anInvalidExpressionIs422NamingThePosition() throws Exception {
        postJson("/api/v1/risk/rules", rule("bad", "tx.amount > 10.0 && payer.nickname == \"x\"", 10, "REVIEW",
                "SHADOW"), risk1()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("RULE_EXPRESSION_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("expression"))
                .andExpect(jsonPath("$.issues[0].line").value(1))
                .andExpect(jsonPath("$.issues[0].column").value(21));
        postJson("/api/v1/risk/rules", rule("bad", "payer.level + 1", 10, "REVIEW", "SHADOW"), risk1())
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.issues[0].line").value(1));
        postJson("/api/v1/risk/rules", rule("bad", "payer.level == \"L2\"", 10, "REVIEW", "SHADOW"), risk1())
                .andExpect(status().isUnprocessableContent());
        postJson("/api/v1/risk/rules", rule("bad", "tx.amount >\n   ", 10, "REVIEW", "SHADOW"), risk1())
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.issues[0].line").value(2));
        assertThat(jdbc.queryForObject("select count(*) from rule_version where name = 'bad'", Long.class)).isZero();
    }

    @Test
    void aReplayCountsHitsAndListsTheDecisionsThatWouldChange() throws Exception {
        UUID payer = goodPayer();
        UUID partner = goodPartner();
        String from = now().minusSeconds(1).toString();
        JsonNode hit = assess(payer, partner, "7006.00");
        assess(payer, partner, "7006.50");
        JsonNode result = body(postJson("/api/v1/risk/rules/replay", Map.of("expression", "tx.amount == 7006.0",
                "score", 100, "action", "REJECT", "from", from, "to", now().plusSeconds(1).toString()), risk1())
                .andExpect(status().isOk()));
        assertThat(result.get("evaluated").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("hits").asInt()).isEqualTo(1);
        assertThat(result.get("changed").asInt()).isEqualTo(1);
        JsonNode change = result.get("changes").get(0);
        assertThat(change.get("assessmentId").asString()).isEqualTo(hit.get("assessmentId").asString());
        assertThat(change.get("from").asString()).isEqualTo("APPROVE");
        assertThat(change.get("to").asString()).isEqualTo("REJECT");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'rule.replayed'",
                Long.class)).isPositive();
        postJson("/api/v1/risk/rules/replay", Map.of("expression", "tx.amount ==", "score", 1, "action", "REVIEW",
                "from", from, "to", now().toString()), risk1()).andExpect(status().isUnprocessableContent());
        postJson("/api/v1/risk/rules/replay", Map.of("expression", "true", "score", 1, "action", "REVIEW",
                "from", now().toString(), "to", now().minus(Duration.ofHours(1)).toString()), risk1())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void rulesAreListedWithTheDefaultSet() throws Exception {
        JsonNode page = body(get("/api/v1/risk/rules?mode=LIVE&size=100", risk1()).andExpect(status().isOk()));
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(17);
        assertThat(page.toString()).contains("partner-grade-d", "velocity-count-1h", "watchlisted-user-or-document");
    }
}
