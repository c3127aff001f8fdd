package com.platform.risk.rule;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.platform.risk.engine.RuleCompiler;
import com.platform.risk.engine.RuleSet;
import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The compiled rule set is cached per rule-set generation ({@link RuleCatalog}): a change or approval is seen by
 * the very next assessment although the cache is warm, on this instance and on another one (a second catalog over
 * the same database stands for a second instance). Each test's rule fires only on its own amount.
 */
class RuleSetCacheIntegrationTests extends RiskServiceIntegrationTest {

    @Autowired
    private Rules rules;

    @Autowired
    private RuleCompiler compiler;

    @Autowired
    private RuleCatalog catalog;

    private static Map<String, Object> rule(String name, String expression, int score, String action, String mode) {
        return Map.of("name", name, "expression", expression, "score", score, "action", action, "mode", mode);
    }

    @Test
    void anApprovalAndAChangeAreSeenByTheNextAssessmentWithTheCacheWarm() throws Exception {
        UUID payer = goodPayer();
        UUID partner = goodPartner();
        assertThat(assess(payer, partner, "7101.00").get("decision").asString()).isEqualTo("APPROVE");
        RuleSet warm = catalog.current();
        assertThat(catalog.current()).as("nothing changed: the same compiled set").isSameAs(warm);

        String id = body(postJson("/api/v1/risk/rules", rule("cache approval", "tx.amount == 7101.0", 100, "REJECT",
                "LIVE"), risk1()).andExpect(status().isCreated())).get("id").asString();
        assertThat(assess(payer, partner, "7101.00").get("decision").asString()).as("pending").isEqualTo("APPROVE");

        postJson("/api/v1/risk/rules/" + id + "/approval", Map.of(), risk2()).andExpect(status().isOk());
        JsonNode approved = assess(payer, partner, "7101.00");
        assertThat(approved.get("decision").asString()).isEqualTo("REJECT");
        assertThat(firedNames(approved)).containsExactly("cache approval");

        // SHADOW takes effect at once (no approval): the next assessment no longer decides by it
        putJson("/api/v1/risk/rules/" + id, rule("cache approval", "tx.amount == 7101.0", 100, "REJECT", "SHADOW"),
                risk1()).andExpect(status().isOk());
        assertThat(assess(payer, partner, "7101.00").get("decision").asString()).isEqualTo("APPROVE");
    }

    @Test
    void aSecondInstanceWithAWarmCacheSeesAnApprovalMadeThroughTheFirst() throws Exception {
        RuleCatalog secondInstance = new RuleCatalog(rules, compiler);
        RuleSet before = secondInstance.current();
        assertThat(secondInstance.current()).isSameAs(before);
        assertThat(names(before)).doesNotContain("cache second instance");

        ruleInForce("cache second instance", "tx.amount == 7102.0", 100, "REJECT", "LIVE");

        RuleSet after = secondInstance.current();
        assertThat(names(after)).contains("cache second instance");
        assertThat(after.entries()).hasSize(before.entries().size() + 1);
        assertThat(secondInstance.current()).isSameAs(after);
    }

    @Test
    void aChangeOfARuleVersionOutsideTheApplicationIsSeenToo() throws Exception {
        String id = ruleInForce("cache direct change", "tx.amount == 7103.0", 100, "REJECT", "LIVE").get("id")
                .asString();
        UUID payer = goodPayer();
        UUID partner = goodPartner();
        assertThat(assess(payer, partner, "7103.00").get("decision").asString()).isEqualTo("REJECT");

        // e.g. an operator's emergency fix in SQL: the trigger moves the generation in the same transaction
        jdbc.update("update rule_version set status = 'WITHDRAWN' where rule_id = ?::uuid and status = 'ACTIVE'", id);
        assertThat(assess(payer, partner, "7103.00").get("decision").asString()).isEqualTo("APPROVE");
    }

    private static java.util.List<String> names(RuleSet set) {
        return set.entries().stream().map(e -> e.rule().name()).toList();
    }
}
