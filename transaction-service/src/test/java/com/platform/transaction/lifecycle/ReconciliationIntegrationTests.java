package com.platform.transaction.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.platform.transaction.reconciliation.ReconciliationJob;
import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** T5: the provider's statement against the ledger; every difference reported to auditors and as an event. */
class ReconciliationIntegrationTests extends TransactionServiceIntegrationTest {

    @Autowired
    ReconciliationJob job;

    @Test
    void everyDifferenceBetweenStatementAndLedgerIsReported() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        UUID matching = paymentOf(paid(payer, partner, "10.00"));
        UUID otherAmount = paymentOf(paid(payer, partner, "20.00"));
        UUID notListed = paymentOf(paid(payer, partner, "30.00"));
        UUID refusedButCaptured = paymentOf(paid(payer, partner, "40.00"));
        UUID pendingTx = approved(payer, partner, "50.00");
        UUID lostCallback = confirmAndPay(pendingTx, payer, "BANK_CARD");
        UUID unknown = UUID.randomUUID();
        remote.stubFor(get(urlPathEqualTo("/payments/v1/statements")).atPriority(1).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"items":[
                          {"paymentId":"%s","status":"SUCCEEDED","amount":{"amount":"10.00","currency":"CNY"}},
                          {"paymentId":"%s","status":"SUCCEEDED","amount":{"amount":"19.00","currency":"CNY"}},
                          {"paymentId":"%s","status":"FAILED","amount":{"amount":"40.00","currency":"CNY"}},
                          {"paymentId":"%s","status":"SUCCEEDED","amount":{"amount":"50.00","currency":"CNY"}},
                          {"paymentId":"%s","status":"SUCCEEDED","amount":{"amount":"1.00","currency":"CNY"}}]}
                        """.formatted(matching, otherAmount, refusedButCaptured, lostCallback, unknown))));
        Instant now = clock.instant();
        JsonNode run = body(postJson("/api/v1/reconciliations", Map.of("from", now.minusSeconds(3600).toString(),
                "to", now.plusSeconds(60).toString()), staff("operator")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.compared").value(5)));
        Map<String, String> kinds = new HashMap<>();
        run.get("differences").forEach(d -> kinds.put(d.get("paymentId").asString(), d.get("kind").asString()));
        assertThat(kinds).doesNotContainKey(matching.toString());
        assertThat(kinds).containsEntry(otherAmount.toString(), "AMOUNT_MISMATCH")
                .containsEntry(notListed.toString(), "MISSING_AT_PROVIDER")
                .containsEntry(refusedButCaptured.toString(), "STATUS_MISMATCH")
                .containsEntry(lostCallback.toString(), "MISSING_IN_LEDGER")
                .containsEntry(unknown.toString(), "UNKNOWN_PAYMENT");
        String id = run.get("id").asString();
        getJson("/api/v1/reconciliations/" + id, staff("auditor")).andExpect(status().isOk())
                .andExpect(jsonPath("$.differenceCount").value(run.get("differenceCount").asInt()));
        assertThat(outboxTypes(id)).contains("reconciliation.difference-found", "reconciliation.completed");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where aggregate_id = ? and event_type = ?",
                Integer.class, id, "reconciliation.difference-found")).isEqualTo(run.get("differenceCount").asInt());
        // the ledger itself is never changed by a reconciliation
        assertThat(balance(pendingTx, "ESCROW")).isZero();
        getJson("/api/v1/reconciliations?size=5", staff("auditor")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").exists());
    }

    @Test
    void theJobReconcilesYesterdayOnceAndRetriesAProviderWithoutAStatement() throws Exception {
        clock.advance(Duration.ofDays(30));
        try {
            remote.stubFor(get(urlPathEqualTo("/payments/v1/statements")).atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
            assertThat(job.reconcileYesterday()).isZero();
            remote.resetAll();
            remote.stubFor(get(urlPathEqualTo("/payments/v1/statements"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"items\":[]}")));
            assertThat(job.reconcileYesterday()).isEqualTo(1);
            assertThat(job.reconcileYesterday()).isZero();
            Instant to = clock.instant().truncatedTo(ChronoUnit.DAYS);
            assertThat(jdbc.queryForObject("select count(*) from reconciliation_run where period_to = ? and started_by = ?",
                    Integer.class, java.sql.Timestamp.from(to), "system:reconciliation")).isEqualTo(1);
        }
        finally {
            clock.advance(Duration.ofDays(-30));
        }
    }

    @Test
    void aPeriodMustBeWellFormed() throws Exception {
        postJson("/api/v1/reconciliations", Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z"),
                staff("operator")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        postJson("/api/v1/reconciliations", Map.of("provider", "nobody", "from", "2026-01-01T00:00:00Z",
                "to", "2026-01-02T00:00:00Z"), staff("operator")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("provider"));
        postJson("/api/v1/reconciliations", Map.of("from", "yesterday", "to", "2026-01-02T00:00:00Z"),
                staff("operator")).andExpect(status().isBadRequest());
    }

    private UUID paymentOf(UUID transactionId) {
        return jdbc.queryForObject("select id from payment where transaction_id = ? and status = 'SUCCEEDED'",
                UUID.class, transactionId);
    }
}
