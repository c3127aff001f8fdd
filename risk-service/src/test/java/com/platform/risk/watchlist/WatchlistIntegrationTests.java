package com.platform.risk.watchlist;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.risk.support.RiskServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** R1 watchlists: add, list, remove, each audited; an address is matched however it was typed. */
class WatchlistIntegrationTests extends RiskServiceIntegrationTest {

    @Test
    void anEntryIsAddedListedAndRemovedWithItsHistoryKept() throws Exception {
        JsonNode added = body(postJson("/api/v1/risk/watchlist", Map.of("kind", "IP", "value", "2001:DB8:0:0::1",
                "reason", "credential stuffing"), risk1()).andExpect(status().isCreated()));
        String id = added.get("id").asString();
        assertThat(added.get("value").asString()).as("canonical form").isEqualTo("2001:db8::1");
        postJson("/api/v1/risk/watchlist", Map.of("kind", "IP", "value", "2001:db8::1", "reason", "again"), risk2())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("WATCHLIST_ENTRY_EXISTS"));
        assertThat(body(get("/api/v1/risk/watchlist?kind=IP&size=100", risk2())).toString()).contains(id);

        UUID payer = goodPayer();
        Map<String, Object> request = assessment(payer, goodPartner(), "10.00");
        request.put("ip", "2001:0db8::0001");
        assertThat(assess(request).get("decision").asString()).isEqualTo("REVIEW");

        mvc.perform(delete("/api/v1/risk/watchlist").param("kind", "IP").param("value", "2001:db8::1")
                .header("Authorization", risk2())).andExpect(status().isOk())
                .andExpect(jsonPath("$.removedBy").value("risk2")).andExpect(jsonPath("$.inForce").value(false));
        mvc.perform(delete("/api/v1/risk/watchlist/" + id).header("Authorization", risk2()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("WATCHLIST_ENTRY_NOT_FOUND"));
        request = assessment(payer, goodPartner(), "10.00");
        request.put("ip", "2001:db8::1");
        assertThat(assess(request).get("decision").asString()).isEqualTo("APPROVE");

        assertThat(body(get("/api/v1/risk/watchlist?kind=IP&size=100", risk1())).toString()).doesNotContain(id);
        assertThat(body(get("/api/v1/risk/watchlist?kind=IP&inForce=false&size=100", risk1())).toString())
                .contains(id);
        assertThat(auditEntries("watchlist.added", id)).isEqualTo(1);
        assertThat(auditEntries("watchlist.removed", id)).isEqualTo(1);
    }
}
