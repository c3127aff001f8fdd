package com.platform.starter.idempotency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.platform.starter.StarterIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class IdempotencyKeyTests extends StarterIntegrationTest {

    private MvcResult create(String key, String name) throws Exception {
        var request = post("/api/v1/things").header("Authorization", bearer(userToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\", \"kind\": \"PARCEL\", \"quantity\": 2}");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn();
    }

    private int thingsNamed(String name) {
        return jdbc.queryForObject("select count(*) from thing where name = ?", Integer.class, name);
    }

    @Test
    void retryWithSameKeyAndBodyReplaysTheFirstResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "replay-" + key.substring(0, 8);
        MvcResult first = create(key, name);
        MvcResult retry = create(key, name);

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(retry.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(thingsNamed(name)).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        create(key, "first-" + key.substring(0, 8));
        mvc.perform(post("/api/v1/things").header("Authorization", bearer(userToken()))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"other\", \"kind\": \"PARCEL\", \"quantity\": 2}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        assertThat(thingsNamed("other")).isZero();
    }

    @Test
    void keysAreScopedToTheCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "scoped-" + key.substring(0, 8);
        create(key, name);
        mvc.perform(post("/api/v1/things").header("Authorization", bearer(tokens.user("another-user", "user")))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"kind\": \"PARCEL\", \"quantity\": 2}"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(thingsNamed(name)).isEqualTo(2);
    }

    @Test
    void missingKeyOnAnIdempotentOperationIsBadRequestNamingTheHeader() throws Exception {
        MvcResult result = create(null, "no-key");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"Idempotency-Key\"");
        assertThat(thingsNamed("no-key")).isZero();
    }

    @Test
    void overlongKeyIsBadRequest() throws Exception {
        MvcResult result = create("k".repeat(256), "long-key");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("Idempotency-Key");
        assertThat(thingsNamed("long-key")).isZero();
    }

    @Test
    void rejectedRequestIsReplayedAsRejectedWithoutRunningAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        var invalid = post("/api/v1/things").header("Authorization", bearer(userToken()))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"PARCEL\", \"quantity\": 2}");
        mvc.perform(invalid).andExpect(status().isBadRequest());
        mvc.perform(invalid).andExpect(status().isBadRequest())
                .andExpect(header().string("Idempotent-Replayed", "true"));
    }

    private int storedResponses(String key) {
        return jdbc.queryForObject("select count(*) from idempotency_key where idempotency_key = ?", Integer.class,
                key);
    }

    private int outboxEventsNamed(String name) {
        return jdbc.queryForObject("select count(*) from outbox_event where payload like ?", Integer.class,
                "%\"" + name + "\"%");
    }

    @Test
    void committedRequestLeavesTheEffectAndItsStoredResponseTogether() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "committed-" + key.substring(0, 8);
        MvcResult first = create(key, name);

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(thingsNamed(name)).isEqualTo(1);
        assertThat(outboxEventsNamed(name)).isEqualTo(1);
        byte[] stored = jdbc.queryForObject("""
                select response_body from idempotency_key
                where idempotency_key = ? and state = 'COMPLETED' and response_status = 201
                """, byte[].class, key);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(first.getResponse().getContentAsString());
    }

    @Test
    void handlerFailingAfterItsEffectLeavesNeitherEffectNorResponseSoARetryRunsOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "fail-after-effect-" + key.substring(0, 8);
        MvcResult failed = create(key, name);

        assertThat(failed.getResponse().getStatus()).isEqualTo(500);
        assertThat(thingsNamed(name)).as("the effect rolled back with the request").isZero();
        assertThat(outboxEventsNamed(name)).isZero();
        assertThat(storedResponses(key)).isZero();
        // the same key may be retried: it runs (and fails) again instead of replaying or being blocked
        assertThat(create(key, name).getResponse().getStatus()).isEqualTo(500);
        assertThat(thingsNamed(name)).isZero();
    }

    @Test
    void transactionFailingAtCommitLeavesNeitherEffectNorResponseAndHidesTheHandlersAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "fails-at-commit-" + key.substring(0, 8);
        MvcResult result = create(key, name);

        assertThat(result.getResponse().getStatus()).isEqualTo(500);
        assertThat(result.getResponse().getContentAsString()).contains("INTERNAL_ERROR")
                .doesNotContain(name);
        assertThat(result.getResponse().getHeader("Location")).isNull();
        assertThat(thingsNamed(name)).isZero();
        assertThat(storedResponses(key)).isZero();
    }

    @Test
    void refusalThatRolledBackTheEffectIsNotStoredSoARetryRunsAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "reject-after-effect-" + key.substring(0, 8);
        MvcResult first = create(key, name);
        MvcResult retry = create(key, name);

        assertThat(first.getResponse().getStatus()).isEqualTo(422);
        assertThat(first.getResponse().getContentAsString()).contains("THING_REFUSED");
        assertThat(retry.getResponse().getStatus()).isEqualTo(422);
        assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isNull();
        assertThat(thingsNamed(name)).isZero();
        assertThat(storedResponses(key)).isZero();
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyExecuteOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "slow-" + key.substring(0, 8);
        String token = userToken();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/things"))
                .header("Authorization", bearer(token)).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"" + name + "\", \"kind\": \"PARCEL\", \"quantity\": 2}"))
                .build();

        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
        }

        assertThat(thingsNamed(name)).as("executed once").isEqualTo(1);
        List<HttpResponse<String>> created = responses.stream().filter(r -> r.statusCode() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created).allSatisfy(r -> assertThat(r.body()).isEqualTo(created.get(0).body()));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
        assertThat(responses.stream().filter(r -> r.statusCode() == 201
                && r.headers().firstValue("Idempotent-Replayed").isEmpty())).hasSize(1);
    }
}
