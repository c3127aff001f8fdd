package com.platform.partner.webhook;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.platform.partner.support.PartnerServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * P7 webhooks against a real HTTP receiver that checks the Standard Webhooks signature with its own code: partner
 * and transaction events, the retry schedule, giving up and disabling, re-enabling, manual redelivery, a lease left
 * by a dead instance, and scope.
 */
class WebhookDeliveryIntegrationTests extends PartnerServiceIntegrationTest {

    @Autowired
    DeliverySender sender;

    @Autowired
    Webhooks webhooks;

    @Autowired
    TargetPolicy targets;

    @Autowired
    WebhookSettings settings;

    @Autowired
    com.platform.starter.audit.AuditTrail audit;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Autowired
    org.springframework.context.ApplicationContext context;

    WebhookReceiver receiver;
    long skipped;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver(clock);
        skipped = 0;
    }

    @AfterEach
    void stop() {
        receiver.close();
        clock.advance(Duration.ofSeconds(-skipped));
    }

    private void skip(Duration duration) {
        clock.advance(duration);
        skipped += duration.toSeconds();
    }

    private UUID subscribe(UUID partnerId, List<String> events) throws Exception {
        JsonNode subscribed = body(post("/api/v1/partners/" + partnerId + "/webhooks",
                Map.of("url", receiver.url(), "events", events), partnerToken(partnerId))
                .andExpect(status().isCreated()));
        String secret = subscribed.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        receiver.secret(secret);
        return UUID.fromString(subscribed.get("id").asString());
    }

    private String transactionPaid(UUID partnerId) throws Exception {
        UUID transactionId = UUID.randomUUID();
        return publish("platform.transactions.v1", transactionId.toString(), "transaction.paid", map(
                "transactionId", transactionId.toString(), "payerId", UUID.randomUUID().toString(),
                "partnerId", partnerId.toString(), "type", "ECOMMERCE", "status", "PAID",
                "amount", Map.of("amount", "12.50", "currency", "CNY"), "paymentId", UUID.randomUUID().toString(),
                "method", "WALLET", "paidAt", clock.instant().toString(),
                "fulfilmentDueAt", clock.instant().plus(Duration.ofDays(3)).toString(),
                "occurredAt", clock.instant().toString()), 3L);
    }

    private JsonNode deliveries(UUID partnerId, UUID webhookId) throws Exception {
        return body(get("/api/v1/partners/" + partnerId + "/webhooks/" + webhookId + "/deliveries",
                partnerToken(partnerId)).andExpect(status().isOk()));
    }

    private void awaitDeliveries(UUID webhookId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from webhook_delivery where webhook_id = ?", Long.class, webhookId) >= count);
    }

    @Test
    void aTransactionEventReachesThePartnersEndpointSignedAndOnce() throws Exception {
        Signed signed = signed("MERCHANT");
        UUID webhookId = subscribe(signed.partnerId(), List.of("transaction.paid"));
        String eventId = transactionPaid(signed.partnerId());
        awaitDeliveries(webhookId, 1);
        // persisted before it is sent
        assertThat(deliveries(signed.partnerId(), webhookId).at("/items/0/status").asString()).isEqualTo("PENDING");
        sender.sendDue();
        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received got = receiver.received().get(0);
        assertThat(got.signatureValid()).as("the receiver's own check of the signature").isTrue();
        assertThat(got.timestampFresh()).isTrue();
        assertThat(got.id()).isEqualTo("msg_" + eventId);
        JsonNode payload = json.readTree(got.body());
        assertThat(payload.get("type").asString()).isEqualTo("transaction.paid");
        assertThat(payload.at("/data/partnerId").asString()).isEqualTo(signed.partnerId().toString());

        // the same event again (Kafka redelivers): no second delivery
        publish(eventId, "platform.transactions.v1", UUID.randomUUID().toString(), "transaction.paid",
                Map.of("partnerId", signed.partnerId().toString()), 4L);
        String another = transactionPaid(signed.partnerId());
        awaitDeliveries(webhookId, 2);
        sender.sendDue();
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id)
                .containsExactly("msg_" + eventId, "msg_" + another);
        JsonNode history = deliveries(signed.partnerId(), webhookId);
        assertThat(history.get("total").asInt()).isEqualTo(2);
        assertThat(history.at("/items/0/status").asString()).isEqualTo("SUCCEEDED");
        assertThat(history.at("/items/0/history/0/statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void thePartnersOwnEventsAreDeliveredToo() throws Exception {
        Signed signed = signed("LOGISTICS");
        subscribe(signed.partnerId(), List.of("agreement.amended"));
        String base = "/api/v1/partners/" + signed.partnerId() + "/agreements/" + signed.agreementId();
        post(base + "/amendments", terms(500), staff("operator")).andExpect(status().isCreated());
        post(base + "/acceptance", null, partnerToken(signed.partnerId())).andExpect(status().isOk());
        sender.sendDue();
        assertThat(receiver.received()).hasSize(1);
        JsonNode payload = json.readTree(receiver.received().get(0).body());
        assertThat(payload.get("type").asString()).isEqualTo("agreement.amended");
        assertThat(payload.at("/data/apiQuotaPerMinute").asInt()).isEqualTo(500);
        assertThat(receiver.received().get(0).signatureValid()).isTrue();
    }

    @Test
    void failuresAreRetriedOnTheScheduleAndTheHistoryShowsEachAttempt() throws Exception {
        Signed signed = signed("MERCHANT");
        UUID webhookId = subscribe(signed.partnerId(), List.of("transaction.paid"));
        receiver.answer(500, 503);
        transactionPaid(signed.partnerId());
        awaitDeliveries(webhookId, 1);
        sender.sendDue();
        JsonNode first = deliveries(signed.partnerId(), webhookId).at("/items/0");
        assertThat(first.get("status").asString()).isEqualTo("PENDING");
        assertThat(first.get("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(first.get("nextAttemptAt").isNull()).isFalse();
        // not due yet
        assertThat(sender.sendDue()).isZero();
        skip(Duration.ofSeconds(6));
        sender.sendDue();
        skip(Duration.ofMinutes(5).plusSeconds(1));
        sender.sendDue();
        JsonNode delivered = deliveries(signed.partnerId(), webhookId).at("/items/0");
        assertThat(delivered.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(delivered.get("history")).extracting(a -> a.get("statusCode").asInt())
                .containsExactly(500, 503, 200);
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).containsOnly(
                delivered.get("messageId").asString());
    }

    @Test
    void afterTheLastAttemptTheEndpointIsDisabledWithItsReasonAndCanBeReEnabledAndRedelivered() throws Exception {
        Signed signed = signed("MERCHANT");
        UUID webhookId = subscribe(signed.partnerId(), List.of("transaction.paid"));
        receiver.answerAlways(500);
        transactionPaid(signed.partnerId());
        awaitDeliveries(webhookId, 1);
        List<Duration> retries = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(10));
        for (Duration delay : retries) {
            skip(delay.plusSeconds(1));
            assertThat(sender.sendDue()).isEqualTo(1);
        }
        assertThat(receiver.received()).hasSize(8);
        JsonNode webhook = body(get("/api/v1/partners/" + signed.partnerId() + "/webhooks/" + webhookId,
                partnerToken(signed.partnerId())));
        assertThat(webhook.get("status").asString()).isEqualTo("DISABLED");
        assertThat(webhook.get("disabledReason").asString()).contains("failed all 8 attempts").contains("HTTP 500");
        JsonNode failed = deliveries(signed.partnerId(), webhookId).at("/items/0");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");

        // the partner fixes its endpoint, re-enables it and asks for the message again
        receiver.answerAlways(200);
        post("/api/v1/partners/" + signed.partnerId() + "/webhooks/" + webhookId + "/enable", null,
                partnerToken(signed.partnerId())).andExpect(status().isOk()).andExpect(jsonPath("$.status")
                        .value("ACTIVE"));
        post("/api/v1/partners/" + signed.partnerId() + "/webhooks/" + webhookId + "/deliveries/"
                + failed.get("id").asString() + "/redelivery", null, partnerToken(signed.partnerId()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
        sender.sendDue();
        JsonNode redelivered = deliveries(signed.partnerId(), webhookId).at("/items/0");
        assertThat(redelivered.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(redelivered.get("history")).hasSize(9);
    }

    @Test
    void a410DisablesTheEndpointAtOnce() throws Exception {
        Signed signed = signed("MERCHANT");
        UUID webhookId = subscribe(signed.partnerId(), List.of("transaction.paid"));
        receiver.answer(410);
        transactionPaid(signed.partnerId());
        awaitDeliveries(webhookId, 1);
        sender.sendDue();
        get("/api/v1/partners/" + signed.partnerId() + "/webhooks/" + webhookId, partnerToken(signed.partnerId()))
                .andExpect(jsonPath("$.status").value("DISABLED"))
                .andExpect(jsonPath("$.disabledReason").value(org.hamcrest.Matchers.containsString("410")));
    }

    @Test
    void aDeliveryLeasedByAnInstanceThatDiedIsSentAfterTheLeaseByAnother() throws Exception {
        Signed signed = signed("MERCHANT");
        UUID webhookId = subscribe(signed.partnerId(), List.of("transaction.paid"));
        transactionPaid(signed.partnerId());
        awaitDeliveries(webhookId, 1);
        // another instance claimed it and was killed before it sent or recorded anything
        jdbc.update("update webhook_delivery set lease_until = ? where webhook_id = ?",
                Timestamp.from(clock.instant().plusSeconds(60)), webhookId);
        assertThat(sender.sendDue()).as("leased elsewhere: not sent twice").isZero();
        skip(Duration.ofSeconds(61));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.received().get(0).signatureValid()).isTrue();
    }

    @Test
    void aRestartedServiceContinuesTheScheduleFromTheDatabase() throws Exception {
        Signed signed = signed("MERCHANT");
        UUID webhookId = subscribe(signed.partnerId(), List.of("transaction.paid"));
        receiver.answer(503);
        transactionPaid(signed.partnerId());
        awaitDeliveries(webhookId, 1);
        sender.sendDue();
        // the process stops: its sender job with it
        var job = context.getBean("webhookDeliveryJob", com.platform.starter.support.PeriodicTask.class);
        job.stop();
        try {
            // a new process builds a new sender from nothing but the database and configuration
            DeliverySender restarted = new DeliverySender(webhooks, targets, settings, audit, transaction, clock);
            assertThat(restarted.sendDue()).as("the retry is not due yet").isZero();
            skip(Duration.ofSeconds(6));
            assertThat(restarted.sendDue()).isEqualTo(1);
        }
        finally {
            job.start();
        }
        JsonNode delivery = deliveries(signed.partnerId(), webhookId).at("/items/0");
        assertThat(delivery.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(delivery.get("history")).extracting(a -> a.get("statusCode").asInt()).containsExactly(503, 200);
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void aPartnerSeesAndChangesOnlyItsOwnWebhooks() throws Exception {
        Signed alice = signed("MERCHANT");
        Signed bob = signed("MERCHANT");
        UUID alicesWebhook = subscribe(alice.partnerId(), List.of("transaction.paid"));
        String bobsToken = partnerToken(bob.partnerId());
        get("/api/v1/partners/" + alice.partnerId() + "/webhooks", bobsToken).andExpect(status().isNotFound());
        get("/api/v1/partners/" + alice.partnerId() + "/webhooks/" + alicesWebhook + "/deliveries", bobsToken)
                .andExpect(status().isNotFound());
        get("/api/v1/partners/" + bob.partnerId() + "/webhooks/" + alicesWebhook + "/deliveries", bobsToken)
                .andExpect(status().isNotFound());
        post("/api/v1/partners/" + alice.partnerId() + "/webhooks", Map.of("url", receiver.url(), "events",
                List.of("transaction.paid")), bobsToken).andExpect(status().isNotFound());
        post("/api/v1/partners/" + bob.partnerId() + "/webhooks/" + alicesWebhook + "/enable", null, bobsToken)
                .andExpect(status().isNotFound());
        // Bob's transactions never reach Alice's endpoint
        transactionPaid(bob.partnerId());
        String alices = transactionPaid(alice.partnerId());
        awaitDeliveries(alicesWebhook, 1);
        sender.sendDue();
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).containsExactly("msg_" + alices);
    }

    @Test
    void aPrivateTargetOrAnUnknownEventIsRefused() throws Exception {
        Signed signed = signed("MERCHANT");
        post("/api/v1/partners/" + signed.partnerId() + "/webhooks", Map.of("url", "http://10.1.2.3/hook",
                "events", List.of("transaction.paid")), partnerToken(signed.partnerId()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("url"));
        post("/api/v1/partners/" + signed.partnerId() + "/webhooks", Map.of("url", receiver.url(),
                "events", List.of("user.registered")), partnerToken(signed.partnerId()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("events[0]"));
        assertThat(jdbc.queryForObject("select count(*) from webhook where partner_id = ?", Long.class,
                signed.partnerId())).isZero();
    }
}
