package com.platform.transaction.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.platform.transaction.support.TransactionServiceIntegrationTest;
import com.platform.transaction.transaction.SettlementJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** T3 automatic settlement, T7 disputes, and refunds racing settlement. */
class DisputeAndSettlementIntegrationTests extends TransactionServiceIntegrationTest {

    @Autowired
    SettlementJob settlement;

    private UUID fulfilled(Payer payer, Partner partner, String amount) throws Exception {
        UUID id = paid(payer, partner, amount);
        postJson("/api/v1/transactions/" + id + "/fulfilment", null, partner.token()).andExpect(status().isOk());
        return id;
    }

    private UUID openDispute(UUID id, Payer payer) throws Exception {
        JsonNode dispute = body(postJson("/api/v1/transactions/" + id + "/disputes", Map.of("reason", "NOT_DELIVERED",
                "description", "the parcel never arrived", "evidence", List.of("tracking page screenshot")),
                payer.token()).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN")));
        return UUID.fromString(dispute.get("id").asString());
    }

    @Test
    void fulfilledTransactionsSettleAutomaticallyAfterTheReceiptPeriodButNotWhileDisputed() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS", "ACTIVE", true, "0.1000", 2);
        UUID quiet = fulfilled(payer, partner, "10.00");
        UUID disputed = fulfilled(payer, partner, "10.00");
        openDispute(disputed, payer);
        settlement.settleDue();
        assertThat(statusOf(quiet)).isEqualTo("FULFILLED");
        clock.advance(Duration.ofDays(8));
        try {
            settlement.settleDue();
            assertThat(statusOf(quiet)).isEqualTo("SETTLED");
            assertThat(balance(quiet, "PARTNER_PAYABLE")).isEqualTo(-900L);
            assertThat(balance(quiet, "PLATFORM_COMMISSION")).isEqualTo(-100L);
            assertThat(statusOf(disputed)).isEqualTo("FULFILLED");
            assertThat(jdbc.queryForObject("select actor from audit_entry where target_id = ? and action = ?",
                    String.class, quiet.toString(), "transaction.settled")).isEqualTo("system:settlement");
            postJson("/api/v1/transactions/" + disputed + "/receipt", null, payer.token())
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DISPUTE_OPEN"));
        }
        finally {
            clock.advance(Duration.ofDays(-8));
        }
    }

    @Test
    void aPartialRefundResolutionRefundsThroughTheLedgerAndSettlementResumes() throws Exception {
        Payer payer = payer();
        Partner partner = partner("MERCHANT", "ACTIVE", true, "0.0500", 3);
        UUID id = fulfilled(payer, partner, "80.00");
        UUID disputeId = openDispute(id, payer);
        assertThat(outboxTypes(disputeId)).containsExactly("dispute.opened");
        JsonNode opened = outboxData(disputeId, "dispute.opened");
        assertThat(opened.get("transactionId").asString()).isEqualTo(id.toString());
        assertThat(opened.get("payerId").asString()).isEqualTo(payer.id());
        assertThat(opened.get("partnerId").asString()).isEqualTo(partner.id().toString());
        assertThat(opened.get("reason").asString()).isEqualTo("NOT_DELIVERED");
        // a second dispute on the same transaction is refused
        postJson("/api/v1/transactions/" + id + "/disputes", Map.of("reason", "again", "description", "again"),
                payer.token()).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DISPUTE_OPEN"));
        String operator = staff("operator");
        postJson("/api/v1/disputes/" + disputeId + "/resolution", Map.of("outcome", "REFUND_PARTIAL",
                "refundAmount", money("80.01", "CNY"), "reason", "too much"), operator)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("REFUND_EXCEEDS_HELD"));
        postJson("/api/v1/disputes/" + disputeId + "/resolution", Map.of("outcome", "REFUND_PARTIAL", "reason", "x"),
                operator).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("refundAmount"));
        postJson("/api/v1/disputes/" + disputeId + "/resolution", Map.of("outcome", "REFUND_PARTIAL",
                "refundAmount", money("30.00", "CNY"), "reason", "damaged box, contents fine", "abusive", false),
                operator).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.refundAmount.amount").value("30.00"));
        postJson("/api/v1/disputes/" + disputeId + "/resolution", Map.of("outcome", "REJECTED", "reason", "again"),
                operator).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DISPUTE_ALREADY_RESOLVED"));
        JsonNode resolved = outboxData(disputeId, "dispute.resolved");
        assertThat(resolved.get("outcome").asString()).isEqualTo("REFUND_PARTIAL");
        assertThat(resolved.get("refundAmount").get("amount").asString()).isEqualTo("30.00");
        assertThat(resolved.get("abusive").asBoolean()).isFalse();
        assertThat(resolved.get("payerId").asString()).isEqualTo(payer.id());
        assertThat(outboxTypes(id)).contains("transaction.partially-refunded");
        // both sides see the outcome and its reason
        getJson("/api/v1/disputes/" + disputeId, payer.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.resolutionReason").value("damaged box, contents fine"));
        getJson("/api/v1/disputes/" + disputeId, partner.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("REFUND_PARTIAL"));
        getJson("/api/v1/disputes/" + disputeId, payer().token()).andExpect(status().isNotFound());
        getJson("/api/v1/disputes/" + disputeId, partner("MERCHANT").token()).andExpect(status().isNotFound());
        // settlement resumes with what is left: 50.00 less 5 % commission
        postJson("/api/v1/transactions/" + id + "/receipt", null, payer.token()).andExpect(status().isOk());
        assertThat(balance(id, "PARTNER_PAYABLE")).isEqualTo(-4750L);
        assertThat(balance(id, "PLATFORM_COMMISSION")).isEqualTo(-250L);
        assertThat(balance(id, "REFUNDS_PAYABLE")).isEqualTo(-3000L);
        LifecycleIntegrationTests.assertBalanced(trialBalance());
    }

    @Test
    void aFullRefundResolutionRefundsEverythingAndAnAbusiveRejectionIsFlagged() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        UUID refunded = paid(payer, partner, "12.00");
        UUID first = openDispute(refunded, payer);
        postJson("/api/v1/disputes/" + first + "/resolution", Map.of("outcome", "REFUND_FULL", "reason", "lost"),
                staff("operator")).andExpect(status().isOk());
        assertThat(statusOf(refunded)).isEqualTo("REFUNDED");
        assertThat(balance(refunded, "ESCROW")).isZero();

        UUID rejected = fulfilled(payer, partner, "12.00");
        UUID second = openDispute(rejected, payer);
        postJson("/api/v1/disputes/" + second + "/resolution", Map.of("outcome", "REJECTED",
                "reason", "delivery photo and signature on file", "abusive", true), staff("operator"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.abusive").value(true));
        JsonNode event = outboxData(second, "dispute.resolved");
        assertThat(event.get("abusive").asBoolean()).isTrue();
        assertThat(event.get("refundAmount").isNull()).isTrue();
        assertThat(statusOf(rejected)).isEqualTo("FULFILLED");
        postJson("/api/v1/transactions/" + rejected + "/receipt", null, payer.token()).andExpect(status().isOk());
    }

    @Test
    void disputesOpenOnlyWithinThePeriodAndOverdueOnesAreVisible() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        UUID late = paid(payer, partner, "5.00");
        UUID open = paid(payer, partner, "5.00");
        UUID disputeId = openDispute(open, payer);
        clock.advance(Duration.ofDays(16));
        try {
            postJson("/api/v1/transactions/" + late + "/disputes", Map.of("reason", "late", "description", "late"),
                    payer.token()).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("DISPUTE_PERIOD_OVER"));
            JsonNode overdue = body(getJson("/api/v1/disputes?overdue=true&size=100", staff("operator"))
                    .andExpect(status().isOk()));
            List<String> ids = new ArrayList<>();
            overdue.get("items").forEach(d -> {
                ids.add(d.get("id").asString());
                assertThat(d.get("overdue").asBoolean()).isTrue();
            });
            assertThat(ids).contains(disputeId.toString());
        }
        finally {
            clock.advance(Duration.ofDays(-16));
        }
        UUID approvedOnly = approved(payer, partner, "5.00");
        postJson("/api/v1/transactions/" + approvedOnly + "/disputes", Map.of("reason", "r", "description", "d"),
                payer.token()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("APPROVED"));
    }

    @Test
    void aRefundRacingSettlementNeverCreatesOrLosesMoney() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS", "ACTIVE", true, "0.0500", 3);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(fulfilled(payer, partner, "40.00"));
        }
        String operator = staff("operator");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (UUID id : ids) {
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> refund = pool.submit(() -> {
                    start.await();
                    return postIdem("/api/v1/transactions/" + id + "/refunds",
                            Map.of("amount", money("10.00", "CNY"), "reason", "race"), operator,
                            UUID.randomUUID().toString()).andReturn().getResponse().getStatus();
                });
                Future<Integer> receipt = pool.submit(() -> {
                    start.await();
                    return postJson("/api/v1/transactions/" + id + "/receipt", null, payer.token())
                            .andReturn().getResponse().getStatus();
                });
                int refundStatus = refund.get();
                assertThat(receipt.get()).isEqualTo(200);
                assertThat(refundStatus).isIn(201, 409, 422);
                long refundedPart = -balance(id, "REFUNDS_PAYABLE");
                long settledPart = -balance(id, "PARTNER_PAYABLE") - balance(id, "PLATFORM_COMMISSION");
                assertThat(balance(id, "ESCROW")).isZero();
                assertThat(refundedPart + settledPart).isEqualTo(4000L);
                assertThat(refundedPart).isEqualTo(refundStatus == 201 ? 1000L : 0L);
            }
        }
        finally {
            pool.shutdown();
        }
        LifecycleIntegrationTests.assertBalanced(trialBalance());
    }
}
