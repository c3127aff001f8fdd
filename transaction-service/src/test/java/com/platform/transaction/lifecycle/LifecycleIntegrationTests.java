package com.platform.transaction.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** T3, T5, T6: the whole life of a transaction through the API, with its ledger and events. */
class LifecycleIntegrationTests extends TransactionServiceIntegrationTest {

    @Test
    void theHappyPathHoldsFundsInEscrowAndSettlesToThePartnerLessCommission() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS", "ACTIVE", true, "0.0500", 3);
        UUID id = approved(payer, partner, "100.00");
        UUID paymentId = confirmAndPay(id, payer, "WALLET");
        assertThat(statusOf(id)).isEqualTo("PAYMENT_PENDING");
        remote.verify(postRequestedFor(urlPathEqualTo("/payments/v1/payments"))
                .withHeader("Idempotency-Key", equalTo(paymentId.toString()))
                .withRequestBody(matchingJsonPath("$.amount.amount", equalTo("100.00")))
                .withRequestBody(matchingJsonPath("$.method", equalTo("WALLET"))));
        callback(paymentId, "SUCCEEDED", "100.00", "CNY").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("APPLIED"));
        assertThat(statusOf(id)).isEqualTo("PAID");
        assertThat(balance(id, "ESCROW")).isEqualTo(-10000L);
        assertThat(balance(id, "PROVIDER_CLEARING")).isEqualTo(10000L);

        postJson("/api/v1/transactions/" + id + "/fulfilment", null, partner.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FULFILLED"));
        postJson("/api/v1/transactions/" + id + "/receipt", null, payer.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SETTLED"))
                .andExpect(jsonPath("$.heldAmount.amount").value("0.00"));
        assertThat(balance(id, "ESCROW")).isZero();
        assertThat(balance(id, "PARTNER_PAYABLE")).isEqualTo(-9500L);
        assertThat(balance(id, "PLATFORM_COMMISSION")).isEqualTo(-500L);

        assertThat(outboxTypes(id)).containsExactly("transaction.created", "transaction.approved",
                "transaction.confirmed", "transaction.paid", "transaction.fulfilled", "transaction.settled");
        JsonNode paidEvent = outboxData(id, "transaction.paid");
        assertThat(paidEvent.get("paymentId").asString()).isEqualTo(paymentId.toString());
        assertThat(paidEvent.get("method").asString()).isEqualTo("WALLET");
        assertThat(paidEvent.has("fulfilmentDueAt")).isTrue();
        assertThat(outboxData(id, "transaction.fulfilled").get("onTime").asBoolean()).isTrue();
        JsonNode settled = outboxData(id, "transaction.settled");
        assertThat(settled.get("partnerPayable").get("amount").asString()).isEqualTo("95.00");
        assertThat(settled.get("commission").get("amount").asString()).isEqualTo("5.00");
        assertThat(settled.get("status").asString()).isEqualTo("SETTLED");

        JsonNode journal = body(getJson("/api/v1/transactions/" + id + "/journal", staff("auditor"))
                .andExpect(status().isOk()));
        List<String> kinds = new ArrayList<>();
        journal.get("entries").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("PAYMENT_CAPTURED", "SETTLEMENT");
        assertBalanced(trialBalance());

        JsonNode read = body(getJson("/api/v1/transactions/" + id, payer.token()).andExpect(status().isOk()));
        List<String> history = new ArrayList<>();
        read.get("history").forEach(h -> history.add(h.get("to").asString()));
        assertThat(history).containsExactly("APPROVED", "CONFIRMED", "PAYMENT_PENDING", "PAID", "FULFILLED", "SETTLED");
        read.get("history").forEach(h -> assertThat(h.get("at").isNull()).isFalse());
        // every transition is in the audit trail
        assertThat(jdbc.queryForList("select action from audit_entry where target_id = ? order by seq", String.class,
                id.toString())).containsExactly("transaction.created", "transaction.confirmed", "payment.started",
                "transaction.paid", "transaction.fulfilled", "transaction.settled");
    }

    @Test
    void aWrongTransitionIs409WithTheCurrentStatus() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        UUID id = approved(payer, partner, "10.00");
        postJson("/api/v1/transactions/" + id + "/receipt", null, payer.token()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TRANSACTION_STATE_CONFLICT"))
                .andExpect(jsonPath("$.currentStatus").value("APPROVED"));
        postJson("/api/v1/transactions/" + id + "/fulfilment", null, partner.token()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("APPROVED"));
        postIdem("/api/v1/transactions/" + id + "/payments", Map.of("method", "BANK_CARD"), payer.token(),
                UUID.randomUUID().toString()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("APPROVED"));
        postJson("/api/v1/transactions/" + id + "/confirmation", null, payer.token()).andExpect(status().isOk());
        postJson("/api/v1/transactions/" + id + "/confirmation", null, payer.token()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("CONFIRMED"));
    }

    @Test
    void onlyThePayerConfirmsAndOnlyTheTransactionsPartnerFulfils() throws Exception {
        Payer payer = payer();
        Payer other = payer();
        Partner partner = partner("LOGISTICS");
        Partner otherPartner = partner("LOGISTICS");
        UUID id = approved(payer, partner, "10.00");
        postJson("/api/v1/transactions/" + id + "/confirmation", null, other.token()).andExpect(status().isNotFound());
        postJson("/api/v1/transactions/" + id + "/confirmation", null, staff("operator"))
                .andExpect(status().isForbidden());
        postJson("/api/v1/transactions/" + id + "/confirmation", null, partner.token())
                .andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo("APPROVED");
        UUID paymentId = confirmAndPay(id, payer, "BANK_CARD");
        callback(paymentId, "SUCCEEDED", "10.00", "CNY").andExpect(status().isOk());
        postJson("/api/v1/transactions/" + id + "/fulfilment", null, otherPartner.token())
                .andExpect(status().isNotFound());
        postJson("/api/v1/transactions/" + id + "/fulfilment", null, payer.token()).andExpect(status().isForbidden());
        assertThat(statusOf(id)).isEqualTo("PAID");
        postJson("/api/v1/transactions/" + id + "/fulfilment", null, partner.token()).andExpect(status().isOk());
    }

    @Test
    void cancellationIsBeforePaymentOnlyByThePayerOrAnOperator() throws Exception {
        Payer payer = payer();
        Partner partner = partner("MERCHANT");
        UUID byPayer = approved(payer, partner, "10.00");
        postJson("/api/v1/transactions/" + byPayer + "/cancellation", Map.of("reason", "changed my mind"),
                payer.token()).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.statusReason").value("changed my mind"));
        assertThat(outboxData(byPayer, "transaction.cancelled").get("reason").asString()).isEqualTo("changed my mind");
        UUID byOperator = approved(payer, partner, "10.00");
        postJson("/api/v1/transactions/" + byOperator + "/confirmation", null, payer.token()).andExpect(status().isOk());
        postJson("/api/v1/transactions/" + byOperator + "/cancellation", null, staff("operator"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        assertThat(jdbc.queryForObject("select actor from audit_entry where target_id = ? and action = ?",
                String.class, byOperator.toString(), "transaction.cancelled")).startsWith("operator-");
        UUID paid = paid(payer, partner, "10.00");
        postJson("/api/v1/transactions/" + paid + "/cancellation", null, payer.token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.currentStatus").value("PAID"));
        postJson("/api/v1/transactions/" + paid + "/cancellation", null, payer().token())
                .andExpect(status().isNotFound());
    }

    @Test
    void aFailedPaymentLeavesTheTransactionPayableWithTheReason() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        UUID id = approved(payer, partner, "20.00");
        UUID first = confirmAndPay(id, payer, "BANK_CARD");
        callback(first, "FAILED", "20.00", "CNY").andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        getJson("/api/v1/transactions/" + id, payer.token())
                .andExpect(jsonPath("$.lastPaymentFailure").value("insufficient funds"));
        JsonNode failed = outboxData(id, "payment.failed");
        assertThat(failed.get("paymentId").asString()).isEqualTo(first.toString());
        assertThat(failed.get("reason").asString()).isEqualTo("insufficient funds");
        assertThat(failed.get("method").asString()).isEqualTo("BANK_CARD");
        assertThat(failed.get("payerId").asString()).isEqualTo(payer.id());
        assertThat(balance(id, "ESCROW")).isZero();
        // a late success for the failed payment changes nothing
        callback(first, "SUCCEEDED", "20.00", "CNY").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_FINAL"));
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        // payable again
        JsonNode second = body(postIdem("/api/v1/transactions/" + id + "/payments", Map.of("method", "WALLET"),
                payer.token(), UUID.randomUUID().toString()).andExpect(status().isAccepted()));
        UUID secondId = UUID.fromString(second.get("paymentId").asString());
        callback(secondId, "SUCCEEDED", "20.00", "CNY").andExpect(status().isOk());
        callback(secondId, "SUCCEEDED", "20.00", "CNY").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_FINAL"));
        callback(secondId, "FAILED", "20.00", "CNY").andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo("PAID");
        assertThat(balance(id, "ESCROW")).isEqualTo(-2000L);
        assertThat(jdbc.queryForObject("select count(*) from journal_entry where transaction_id = ?", Integer.class,
                id)).isEqualTo(1);
    }

    @Test
    void aSuccessForAnotherAmountIsNotTakenAsPayment() throws Exception {
        Payer payer = payer();
        UUID id = approved(payer, partner("LOGISTICS"), "20.00");
        UUID paymentId = confirmAndPay(id, payer, "BANK_CARD");
        callback(paymentId, "SUCCEEDED", "2.00", "CNY").andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        assertThat(balance(id, "ESCROW")).isZero();
    }

    @Test
    void badStaleOrMissingSignaturesAre401AndChangeNothing() throws Exception {
        Payer payer = payer();
        UUID id = approved(payer, partner("LOGISTICS"), "20.00");
        UUID paymentId = confirmAndPay(id, payer, "BANK_CARD");
        String body = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"SUCCEEDED\"}";
        long now = clock.instant().getEpochSecond();
        callback("simulator", body, now, "not-the-secret").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("CALLBACK_SIGNATURE_INVALID"));
        callback("simulator", body, now - 3600, CALLBACK_SECRET).andExpect(status().isUnauthorized());
        callback("other-provider", body, now, CALLBACK_SECRET).andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/payments/callbacks/simulator").contentType("application/json").content(body))
                .andExpect(status().isUnauthorized());
        assertThat(statusOf(id)).isEqualTo("PAYMENT_PENDING");
        callback("simulator", body, now, CALLBACK_SECRET).andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo("PAID");
    }

    @Test
    void aProviderThatDoesNotAnswerIsA503AndTheTransactionStaysPayable() throws Exception {
        Payer payer = payer();
        UUID id = approved(payer, partner("LOGISTICS"), "20.00");
        postJson("/api/v1/transactions/" + id + "/confirmation", null, payer.token()).andExpect(status().isOk());
        var down = remote.stubFor(post(urlPathEqualTo("/payments/v1/payments")).atPriority(1)
                .willReturn(aResponse().withStatus(502)));
        JsonNode problem = body(postIdem("/api/v1/transactions/" + id + "/payments", Map.of("method", "BANK_CARD"),
                payer.token(), UUID.randomUUID().toString()).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("PAYMENT_PROVIDER_UNAVAILABLE"))
                .andExpect(jsonPath("$.paymentStatus").value("INITIATED")));
        // the payment committed before the call; a 502 does not say the provider lacks it, so the transaction
        // waits for it (no cancellation, no second payment) and the payer's retry sends the same payment again
        assertThat(statusOf(id)).isEqualTo("PAYMENT_PENDING");
        assertThat(jdbc.queryForObject("select count(*) from payment where transaction_id = ?", Integer.class, id))
                .isEqualTo(1);
        remote.removeStub(down);
        JsonNode paid = body(postIdem("/api/v1/transactions/" + id + "/payments", Map.of("method", "BANK_CARD"),
                payer.token(), UUID.randomUUID().toString()).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING")));
        assertThat(paid.get("paymentId").asString()).isEqualTo(problem.get("paymentId").asString());
    }

    @Test
    void refundsArePartialOrFullIdempotentAndNeverExceedWhatIsHeld() throws Exception {
        Payer payer = payer();
        UUID id = paid(payer, partner("LOGISTICS"), "50.00");
        String operator = staff("operator");
        String key = UUID.randomUUID().toString();
        Map<String, Object> partial = Map.of("amount", money("20.00", "CNY"), "reason", "one item missing");
        postIdem("/api/v1/transactions/" + id + "/refunds", partial, operator, key).andExpect(status().isCreated())
                .andExpect(jsonPath("$.refundedAmount.amount").value("20.00"))
                .andExpect(jsonPath("$.status").value("PAID"));
        postIdem("/api/v1/transactions/" + id + "/refunds", partial, operator, key).andExpect(status().isCreated());
        assertThat(balance(id, "REFUNDS_PAYABLE")).isEqualTo(-2000L);
        assertThat(outboxTypes(id)).containsOnlyOnce("transaction.partially-refunded");
        postIdem("/api/v1/transactions/" + id + "/refunds", Map.of("amount", money("30.01", "CNY"), "reason", "x"),
                operator, UUID.randomUUID().toString()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("REFUND_EXCEEDS_HELD"))
                .andExpect(jsonPath("$.held.amount").value("30.00"));
        postIdem("/api/v1/transactions/" + id + "/refunds", Map.of("amount", money("30.00", "USD"), "reason", "x"),
                operator, UUID.randomUUID().toString()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount.currency"));
        postIdem("/api/v1/transactions/" + id + "/refunds", Map.of("amount", money("30.00", "CNY"), "reason", "rest"),
                operator, UUID.randomUUID().toString()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REFUNDED"));
        assertThat(balance(id, "ESCROW")).isZero();
        JsonNode refunded = outboxData(id, "transaction.refunded");
        assertThat(refunded.get("refundedAmount").get("amount").asString()).isEqualTo("50.00");
        assertThat(refunded.get("refund").get("amount").asString()).isEqualTo("30.00");
        postIdem("/api/v1/transactions/" + id + "/refunds", Map.of("amount", money("1.00", "CNY"), "reason", "x"),
                operator, UUID.randomUUID().toString()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("REFUNDED"));
        assertBalanced(trialBalance());
    }

    @Test
    void ledgerRowsAreImmutableAndUnbalancedEntriesAreRefusedByTheDatabase() throws Exception {
        UUID id = paid(payer(), partner("LOGISTICS"), "5.00");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.update("update journal_posting set amount_minor = 1 where transaction_id = ?", id))
                .hasMessageContaining("immutable");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.update("delete from journal_entry where transaction_id = ?", id))
                .hasMessageContaining("immutable");
        UUID entry = UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.springframework.transaction.support
                .TransactionTemplate(transactionManager).executeWithoutResult(s -> {
                    jdbc.update("insert into journal_entry (id, transaction_id, kind, currency, reference, created_at)"
                            + " values (?, ?, 'REVERSAL', 'CNY', ?, now())", entry, id, "bad:" + entry);
                    jdbc.update("insert into journal_posting values (?, 1, 'ESCROW', ?, 'CNY', 100)", entry, id);
                })).rootCause().hasMessageContaining("does not balance");
        assertThat(balance(id, "ESCROW")).isEqualTo(-500L);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    static void assertBalanced(JsonNode trialBalance) {
        assertThat(trialBalance.get("balanced").asBoolean()).isTrue();
        trialBalance.get("currencies").forEach(c -> assertThat(c.get("total").get("amount").asString())
                .matches("0(\\.0+)?"));
    }
}
