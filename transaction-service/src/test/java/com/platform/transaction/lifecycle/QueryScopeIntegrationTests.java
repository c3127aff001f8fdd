package com.platform.transaction.lifecycle;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** T8 and BOLA: two payers and two partners; each sees only its own, staff per role; filters and paging. */
class QueryScopeIntegrationTests extends TransactionServiceIntegrationTest {

    @Test
    void eachCallerSeesOnlyWhatIsTheirs() throws Exception {
        Payer alice = payer();
        Payer bob = payer();
        Partner carrier = partner("LOGISTICS");
        Partner shop = partner("MERCHANT");
        UUID aliceCarrier = approved(alice, carrier, "1.00");
        UUID aliceShop = approved(alice, shop, "2.00");
        UUID bobCarrier = approved(bob, carrier, "3.00");

        assertThat(ids("/api/v1/transactions?size=100", alice.token())).containsExactlyInAnyOrder(
                aliceCarrier.toString(), aliceShop.toString());
        assertThat(ids("/api/v1/transactions?size=100", bob.token())).containsExactly(bobCarrier.toString());
        assertThat(ids("/api/v1/transactions?size=100", carrier.token())).containsExactlyInAnyOrder(
                aliceCarrier.toString(), bobCarrier.toString());
        assertThat(ids("/api/v1/transactions?size=100", shop.token())).containsExactly(aliceShop.toString());
        // filters for someone else's data find nothing
        assertThat(ids("/api/v1/transactions?payerId=" + alice.id(), bob.token())).isEmpty();
        assertThat(ids("/api/v1/transactions?partnerId=" + shop.id(), carrier.token())).isEmpty();

        getJson("/api/v1/transactions/" + aliceShop, bob.token()).andExpect(status().isNotFound());
        getJson("/api/v1/transactions/" + aliceShop, carrier.token()).andExpect(status().isNotFound());
        getJson("/api/v1/transactions/" + aliceShop, shop.token()).andExpect(status().isOk());
        getJson("/api/v1/transactions/" + aliceShop, alice.token()).andExpect(status().isOk());
        for (String role : new String[] {"operator", "risk_officer", "auditor", "admin"}) {
            getJson("/api/v1/transactions/" + aliceShop, staff(role)).andExpect(status().isOk());
        }
        // staff filter by payer and partner
        assertThat(ids("/api/v1/transactions?payerId=" + alice.id() + "&partnerId=" + carrier.id(),
                staff("operator"))).containsExactly(aliceCarrier.toString());
        // bob cannot act on alice's transaction either
        postJson("/api/v1/transactions/" + aliceShop + "/confirmation", null, bob.token())
                .andExpect(status().isNotFound());
        postJson("/api/v1/transactions/" + aliceShop + "/cancellation", null, bob.token())
                .andExpect(status().isNotFound());
        assertThat(statusOf(aliceShop)).isEqualTo("APPROVED");
        getJson("/api/v1/transactions/" + aliceShop + "/journal", alice.token()).andExpect(status().isForbidden());
    }

    @Test
    void listsFilterAndPage() throws Exception {
        Payer payer = payer();
        Partner carrier = partner("LOGISTICS");
        Partner shop = partner("MERCHANT");
        for (int i = 0; i < 3; i++) {
            approved(payer, carrier, "1.00");
        }
        UUID cancelled = approved(payer, shop, "1.00");
        postJson("/api/v1/transactions/" + cancelled + "/cancellation", null, payer.token()).andExpect(status().isOk());
        getJson("/api/v1/transactions?page=0&size=2", payer.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4)).andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2));
        getJson("/api/v1/transactions?page=1&size=3", payer.token()).andExpect(jsonPath("$.items.length()").value(1));
        assertThat(ids("/api/v1/transactions?status=CANCELLED", payer.token())).containsExactly(cancelled.toString());
        assertThat(ids("/api/v1/transactions?type=DELIVERY", payer.token())).hasSize(3);
        assertThat(ids("/api/v1/transactions?from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z", payer.token()))
                .isEmpty();
        getJson("/api/v1/transactions?size=101", payer.token()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        getJson("/api/v1/transactions?status=NOPE", payer.token()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    private Set<String> ids(String path, String token) throws Exception {
        JsonNode page = body(getJson(path, token).andExpect(status().isOk()));
        Set<String> ids = new HashSet<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
