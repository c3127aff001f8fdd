package com.platform.transaction.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import com.platform.transaction.payment.PaymentSubmissionJob;
import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * T5: the payment is committed before the provider is called and the provider's answer is recorded afterwards, so
 * no connection or row lock is held across the call; a failure or timeout in between leaves a payment that is sent
 * again under the same reference (charged at most once), applied by its callback, or given up by the job.
 */
class PaymentInitiationIntegrationTests extends TransactionServiceIntegrationTest {

    private static final String PAYMENTS = "/payments/v1/payments";

    @Autowired
    PaymentSubmissionJob submissionJob;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    CircuitBreakerRegistry breakers;

    /** These tests make the provider fail on purpose: its circuit must not open for the next test. */
    @BeforeEach
    @AfterEach
    void closeCircuits() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void noTransactionIsOpenWhileTheProviderIsCalledAndThePaymentIsAlreadyCommitted() throws Exception {
        Payer payer = payer();
        UUID id = confirmed(payer, "30.00");
        remote.stubFor(post(urlPathEqualTo(PAYMENTS)).atPriority(1).willReturn(aResponse().withStatus(202)
                .withFixedDelay(1500).withHeader("Content-Type", "application/json")
                .withBody("{\"providerPaymentId\":\"pp-slow\",\"status\":\"PROCESSING\"}")));
        CompletableFuture<MvcResult> paying = CompletableFuture.supplyAsync(() -> {
            try {
                return postIdem("/api/v1/transactions/" + id + "/payments", Map.of("method", "WALLET"),
                        payer.token(), UUID.randomUUID().toString()).andReturn();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // while the provider holds the call: the payment is visible to another connection and the transaction
        // row is not locked (NOWAIT would fail at once on a held lock)
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select status from payment where transaction_id = ?", String.class, id).contains("INITIATED"));
        String seen = new TransactionTemplate(transactionManager).execute(tx -> jdbc.queryForObject(
                "select status from transaction where id = ? for update nowait", String.class, id));
        assertThat(seen).isEqualTo("PAYMENT_PENDING");
        assertThat(jdbc.queryForObject("select status from payment where transaction_id = ?", String.class, id))
                .isEqualTo("INITIATED");
        MvcResult result = paying.get();
        assertThat(result.getResponse().getStatus()).isEqualTo(202);
        assertThat(json.readTree(result.getResponse().getContentAsString()).get("status").asString())
                .isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select provider_payment_id from payment where transaction_id = ?",
                String.class, id)).isEqualTo("pp-slow");
    }

    @Test
    void aProviderFailingAfterThePaymentCommittedLeavesItPayableUnderTheSameReference() throws Exception {
        Payer payer = payer();
        UUID id = confirmed(payer, "40.00");
        StubMapping broken = remote.stubFor(post(urlPathEqualTo(PAYMENTS)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String key = UUID.randomUUID().toString();
        JsonNode problem = body(pay(id, payer, key).andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("PAYMENT_PROVIDER_UNAVAILABLE"))
                .andExpect(jsonPath("$.dependency").value("payment-provider"))
                .andExpect(jsonPath("$.paymentStatus").value("INITIATED")));
        String paymentId = problem.get("paymentId").asString();
        assertThat(problem.get("detail").asString()).contains("charged at most once");

        // what the payer sees: the payment kept, the transaction waiting for it, nothing charged
        getJson("/api/v1/transactions/" + id + "/payments", payer.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].paymentId").value(paymentId))
                .andExpect(jsonPath("$[0].status").value("INITIATED"))
                .andExpect(jsonPath("$[0].submissionAttempts").value(1))
                .andExpect(jsonPath("$[0].lastSubmissionError").exists());
        getJson("/api/v1/transactions/" + id, payer.token()).andExpect(jsonPath("$.status").value("PAYMENT_PENDING"));
        assertThat(balance(id, "ESCROW")).isZero();
        assertThat(outboxTypes(id)).doesNotContain("payment.failed", "transaction.paid");
        // money may be on its way: no cancellation meanwhile
        postJson("/api/v1/transactions/" + id + "/cancellation", null, payer.token())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.currentStatus").value("PAYMENT_PENDING"));

        // the same key runs again (a 503 is not stored) and sends the same payment
        pay(id, payer, key).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.paymentId").value(paymentId));
        remote.removeStub(broken);
        // payable: the payer's retry, under any key, sends the same payment and the provider takes it
        String retryKey = UUID.randomUUID().toString();
        String accepted = pay(id, payer, retryKey).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.paymentId").value(paymentId))
                .andExpect(jsonPath("$.status").value("PENDING")).andReturn().getResponse().getContentAsString();
        pay(id, payer, retryKey).andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).isEqualTo(accepted));

        List<LoggedRequest> sent = remote.findAll(postRequestedFor(urlPathEqualTo(PAYMENTS)));
        assertThat(sent).hasSize(3).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(paymentId));
        assertThat(jdbc.queryForObject("select count(*) from payment where transaction_id = ?", Integer.class, id))
                .isEqualTo(1);
        callback(UUID.fromString(paymentId), "SUCCEEDED", "40.00", "CNY").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("APPLIED"));
        assertThat(statusOf(id)).isEqualTo("PAID");
        assertThat(balance(id, "ESCROW")).isEqualTo(-4000L);
    }

    @Test
    void aTimedOutPaymentIsSentAgainByTheJobWithTheSameReference() throws Exception {
        Payer payer = payer();
        UUID id = confirmed(payer, "41.00");
        // longer than the provider's read timeout in the tests (5 s)
        StubMapping slow = remote.stubFor(post(urlPathEqualTo(PAYMENTS)).atPriority(1)
                .willReturn(aResponse().withStatus(202).withFixedDelay(7000)
                        .withHeader("Content-Type", "application/json").withBody("{\"providerPaymentId\":\"pp-late\"}")));
        JsonNode problem = body(pay(id, payer, UUID.randomUUID().toString())
                .andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.paymentStatus").value("INITIATED")));
        UUID paymentId = UUID.fromString(problem.get("paymentId").asString());
        remote.removeStub(slow);

        submissionJob.submitDue();
        assertThat(sentFor(paymentId)).as("not sent again before its backoff").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        submissionJob.submitDue();
        assertThat(jdbc.queryForObject("select status from payment where id = ?", String.class, paymentId))
                .isEqualTo("PENDING");
        submissionJob.submitDue();
        assertThat(sentFor(paymentId)).isEqualTo(2);
        callback(paymentId, "SUCCEEDED", "41.00", "CNY").andExpect(status().isOk());
        assertThat(statusOf(id)).isEqualTo("PAID");
    }

    @Test
    void aCallbackForAPaymentWhoseAcceptanceWasNeverRecordedIsApplied() throws Exception {
        // the same state as a crash between committing the payment and recording the provider's answer
        Payer payer = payer();
        UUID id = confirmed(payer, "42.00");
        remote.stubFor(post(urlPathEqualTo(PAYMENTS)).atPriority(1).willReturn(aResponse().withStatus(503)));
        JsonNode problem = body(pay(id, payer, UUID.randomUUID().toString())
                .andExpect(status().isServiceUnavailable()));
        UUID paymentId = UUID.fromString(problem.get("paymentId").asString());
        callback(paymentId, "SUCCEEDED", "42.00", "CNY").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("APPLIED"));
        assertThat(statusOf(id)).isEqualTo("PAID");
        assertThat(balance(id, "ESCROW")).isEqualTo(-4200L);
        assertThat(jdbc.queryForObject("select provider_payment_id from payment where id = ?", String.class,
                paymentId)).isEqualTo("pp-1");
        // settled: the job has nothing left to send
        clock.advance(Duration.ofHours(1));
        submissionJob.submitDue();
        assertThat(sentFor(paymentId)).isEqualTo(1);
    }

    @Test
    void aProviderThatRefusesThePaymentLeavesTheTransactionPayableWithNothingCharged() throws Exception {
        Payer payer = payer();
        UUID id = confirmed(payer, "43.00");
        StubMapping refusing = remote.stubFor(post(urlPathEqualTo(PAYMENTS)).atPriority(1)
                .willReturn(aResponse().withStatus(422)));
        JsonNode problem = body(pay(id, payer, UUID.randomUUID().toString())
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("PAYMENT_PROVIDER_UNAVAILABLE"))
                .andExpect(jsonPath("$.paymentStatus").value("FAILED")));
        assertThat(problem.get("detail").asString()).contains("nothing was charged");
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        getJson("/api/v1/transactions/" + id, payer.token())
                .andExpect(jsonPath("$.lastPaymentFailure").value("the payment provider refused the payment (HTTP 422)"));
        assertThat(outboxData(id, "payment.failed").get("paymentId").asString())
                .isEqualTo(problem.get("paymentId").asString());
        remote.removeStub(refusing);
        JsonNode second = body(pay(id, payer, UUID.randomUUID().toString()).andExpect(status().isAccepted()));
        assertThat(second.get("paymentId").asString()).isNotEqualTo(problem.get("paymentId").asString());
    }

    @Test
    void theJobGivesAPaymentUpAfterTheLastSendingAndTheTransactionIsPayableAgain() throws Exception {
        Payer payer = payer();
        UUID id = confirmed(payer, "44.00");
        remote.stubFor(post(urlPathEqualTo(PAYMENTS)).atPriority(1).willReturn(aResponse().withStatus(500)));
        JsonNode problem = body(pay(id, payer, UUID.randomUUID().toString())
                .andExpect(status().isServiceUnavailable()));
        UUID paymentId = UUID.fromString(problem.get("paymentId").asString());
        for (int sending = 2; sending <= 10; sending++) {
            clock.advance(Duration.ofMinutes(11));
            submissionJob.submitDue();
        }
        assertThat(jdbc.queryForObject("select status from payment where id = ?", String.class, paymentId))
                .isEqualTo("FAILED");
        assertThat(sentFor(paymentId)).isEqualTo(10);
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        assertThat(outboxData(id, "payment.failed").get("reason").asString())
                .isEqualTo("the payment provider never confirmed the payment");
        clock.advance(Duration.ofHours(1));
        submissionJob.submitDue();
        assertThat(sentFor(paymentId)).isEqualTo(10);
    }

    /** How often the provider received this payment (its id is the Idempotency-Key). */
    private long sentFor(UUID paymentId) {
        return remote.findAll(postRequestedFor(urlPathEqualTo(PAYMENTS))).stream()
                .filter(r -> paymentId.toString().equals(r.getHeader("Idempotency-Key"))).count();
    }

    @Test
    void anOpenCircuitRefusesAFirstSendingButKeepsAnEarlierSentPaymentOpen() throws Exception {
        Payer payer = payer();
        UUID first = confirmed(payer, "45.00");
        UUID earlier = confirmed(payer, "46.00");
        StubMapping broken = remote.stubFor(post(urlPathEqualTo(PAYMENTS)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        UUID sentBefore = UUID.fromString(body(pay(earlier, payer, UUID.randomUUID().toString())
                .andExpect(status().isServiceUnavailable())).get("paymentId").asString());
        remote.removeStub(broken);
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::transitionToForcedOpenState);
        // never sent: nothing can be charged, the payer may pay again
        pay(first, payer, UUID.randomUUID().toString()).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.paymentStatus").value("FAILED"));
        assertThat(statusOf(first)).isEqualTo("CONFIRMED");
        // sent before: the provider may have it, so it stays open and is sent again later
        pay(earlier, payer, UUID.randomUUID().toString()).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.paymentId").value(sentBefore.toString()))
                .andExpect(jsonPath("$.paymentStatus").value("INITIATED"));
        assertThat(statusOf(earlier)).isEqualTo("PAYMENT_PENDING");
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        pay(earlier, payer, UUID.randomUUID().toString()).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.paymentId").value(sentBefore.toString()));
    }

    private UUID confirmed(Payer payer, String amount) throws Exception {
        UUID id = approved(payer, partner("LOGISTICS"), amount);
        postJson("/api/v1/transactions/" + id + "/confirmation", null, payer.token()).andExpect(status().isOk());
        return id;
    }

    private org.springframework.test.web.servlet.ResultActions pay(UUID id, Payer payer, String key)
            throws Exception {
        return postIdem("/api/v1/transactions/" + id + "/payments", Map.of("method", "BANK_CARD"), payer.token(), key);
    }
}
