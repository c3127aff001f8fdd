package com.platform.user.business;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.platform.user.support.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** transaction-service's events may arrive out of order (a replayed dead letter, a retry): the view keeps the facts. */
class OpenBusinessOrderingIntegrationTests extends UserServiceIntegrationTest {

    private static final String TOPIC = "platform.transactions.v1";

    /** Publishes an event as transaction-service's outbox does, with its transaction's sequence number. */
    private String publishSequenced(UUID transactionId, String type, long sequence, UUID payerId) throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", "/transaction-service");
        envelope.put("type", type);
        envelope.put("subject", transactionId.toString());
        envelope.put("time", clock.instant().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("aggregatesequence", sequence);
        envelope.put("data", Map.of("transactionId", transactionId.toString(), "payerId", payerId.toString()));
        kafka.send(new ProducerRecord<>(TOPIC, transactionId.toString(), json.writeValueAsString(envelope))).get();
        return id;
    }

    private boolean processed(String eventId) {
        return jdbc.queryForObject("select count(*) from processed_event where consumer = ? and event_id = ?",
                Long.class, "user-service.open-business", eventId) == 1;
    }

    @Test
    void lateCreatedNeverReopensASettledTransactionSoThePersonCanClose() throws Exception {
        Person person = activePerson();
        UUID transactionId = UUID.randomUUID();

        publishSequenced(transactionId, "transaction.settled", 2, person.userId());
        String lateCreated = publishSequenced(transactionId, "transaction.created", 1, person.userId());
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(lateCreated));

        assertThat(jdbc.queryForObject("select count(*) from open_business where user_id = ?", Long.class,
                person.userId())).isZero();
        mvc.perform(delete("/api/v1/users/me").header("Authorization", person.token()))
                .andExpect(status().isAccepted());
    }

    @Test
    void eventsInOrderOpenAndCloseTheTransaction() throws Exception {
        UUID payer = UUID.randomUUID();
        UUID transactionId = UUID.randomUUID();

        String created = publishSequenced(transactionId, "transaction.created", 1, payer);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(created));
        assertThat(jdbc.queryForObject("select count(*) from open_business where user_id = ?", Long.class, payer))
                .isOne();

        String settled = publishSequenced(transactionId, "transaction.settled", 2, payer);
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(settled));
        assertThat(jdbc.queryForObject("select count(*) from open_business where user_id = ?", Long.class, payer))
                .isZero();
    }
}
