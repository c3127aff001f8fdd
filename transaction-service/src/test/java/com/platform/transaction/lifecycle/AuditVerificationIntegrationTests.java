package com.platform.transaction.lifecycle;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** X2: every staff, partner and payer action is in the hash-chained trail, and auditors can verify the chain. */
class AuditVerificationIntegrationTests extends TransactionServiceIntegrationTest {

    @Test
    void theTrailOfTransactionsVerifiesAndShowsTampering() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        UUID id = paid(payer, partner, "10.00");
        postJson("/api/v1/transactions/" + id + "/fulfilment", null, partner.token()).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select actor from audit_entry where target_id = ? and action = ?",
                String.class, id.toString(), "transaction.fulfilled")).startsWith("service-account-partner-");
        assertThat(jdbc.queryForObject("select actor from audit_entry where target_id = ? and action = ?",
                String.class, id.toString(), "transaction.paid")).isEqualTo("provider:simulator");
        getJson("/api/v1/audit/transactions/verification", staff("auditor")).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
        getJson("/api/v1/audit/transactions/events?target=" + id, staff("auditor")).andExpect(status().isOk());
        Long seq = jdbc.queryForObject("select seq from audit_entry where target_id = ? and action = ?", Long.class,
                id.toString(), "transaction.fulfilled");
        String original = jdbc.queryForObject("select after_state from audit_entry where seq = ?", String.class, seq);
        // the trail is append-only even for us: the superuser of the test database lifts the guard to tamper
        jdbc.execute("alter table audit_entry disable trigger user");
        jdbc.update("update audit_entry set after_state = '{\"status\":\"SETTLED\"}' where seq = ?", seq);
        try {
            getJson("/api/v1/audit/transactions/verification", staff("auditor")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false));
        }
        finally {
            jdbc.update("update audit_entry set after_state = ? where seq = ?", original, seq);
            jdbc.execute("alter table audit_entry enable trigger user");
        }
        getJson("/api/v1/audit/transactions/verification", staff("admin")).andExpect(jsonPath("$.valid").value(true));
    }
}
