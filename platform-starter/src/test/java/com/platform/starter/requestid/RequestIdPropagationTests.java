package com.platform.starter.requestid;

import java.time.Duration;
import java.util.UUID;

import com.platform.starter.StarterIntegrationTest;
import com.platform.starter.outbox.OutboxRelay;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class RequestIdPropagationTests extends StarterIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Test
    void givenRequestIdIsEchoed() throws Exception {
        mvc.perform(get("/api/v1/things/mine").header("Authorization", bearer(userToken()))
                        .header("X-Request-Id", "abc-123"))
                .andExpect(header().string("X-Request-Id", "abc-123"));
    }

    @Test
    void missingRequestIdIsGeneratedAndEchoedEvenOnErrors() throws Exception {
        mvc.perform(get("/api/v1/things/mine"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.requestId").exists());
    }

    @Test
    void hostileRequestIdIsReplaced() throws Exception {
        mvc.perform(get("/api/v1/things/mine").header("Authorization", bearer(userToken()))
                        .header("X-Request-Id", "x\r\nSet-Cookie: a=b<script>"))
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
    }

    @Test
    void requestIdAndTraceTravelThroughTheOutboxAndKafkaToTheConsumer() throws Exception {
        String requestId = "trace-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String body = mvc.perform(post("/api/v1/things").header("Authorization", bearer(userToken()))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Request-Id", requestId)
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"traced\", \"kind\": \"LETTER\", \"quantity\": 1}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String thingId = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        assertThat(jdbc.queryForObject("select request_id || ' ' || trace_parent from outbox_event where aggregate_id = ?",
                String.class, thingId)).startsWith(requestId + " 00-" + traceId + "-");
        relay.relayBatch();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select request_id || ' ' || trace_id from thing_effect where aggregate_id = ?", String.class,
                thingId)).containsExactly(requestId + " " + traceId));
    }
}
