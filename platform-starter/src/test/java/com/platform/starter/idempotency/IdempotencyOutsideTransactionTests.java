package com.platform.starter.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.platform.starter.StarterIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * platform.idempotency.own-transaction-paths: the key is claimed and committed before the handler runs, the
 * handler runs with no database transaction open, and its response is stored afterwards.
 */
class IdempotencyOutsideTransactionTests extends StarterIntegrationTest {

    private MvcResult create(String key, String name) throws Exception {
        return mvc.perform(post("/api/v1/things/outside").header("Authorization", bearer(userToken()))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\", \"kind\": \"PARCEL\", \"quantity\": 2}")).andReturn();
    }

    private int thingsNamed(String name) {
        return jdbc.queryForObject("select count(*) from thing where name = ?", Integer.class, name);
    }

    private List<String> keyStates(String key) {
        return jdbc.queryForList("select state from idempotency_key where idempotency_key = ?", String.class, key);
    }

    @Test
    void theHandlerRunsWithoutATransactionAndARetryReplaysItsResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "outside-" + key.substring(0, 8);
        MvcResult first = create(key, name);
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(first.getResponse().getHeader("X-Transaction-Open")).isEqualTo("false");
        assertThat(keyStates(key)).containsExactly("COMPLETED");

        MvcResult retry = create(key, name);
        assertThat(retry.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(retry.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(thingsNamed(name)).isEqualTo(1);

        MvcResult reused = create(key, "another-" + key.substring(0, 8));
        assertThat(reused.getResponse().getStatus()).isEqualTo(422);
    }

    @Test
    void aServerErrorReleasesTheClaimSoARetryRunsAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "unavailable-" + key.substring(0, 8);
        assertThat(create(key, name).getResponse().getStatus()).isEqualTo(503);
        assertThat(keyStates(key)).isEmpty();
        assertThat(create(key, name).getResponse().getStatus()).isEqualTo(503);
        // the handler committed its own work each time: it is the handler's job to be safe to run again
        assertThat(thingsNamed(name)).isEqualTo(2);
    }

    @Test
    void aDuplicateWhileTheFirstRunsIs409AndRunsNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "slow-outside-" + key.substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MvcResult> running = pool.submit(() -> create(key, name));
            // the claim is committed before the handler runs: wait for it
            for (int i = 0; i < 100 && keyStates(key).isEmpty(); i++) {
                Thread.sleep(20);
            }
            MvcResult duplicate = create(key, name);
            List<Integer> statuses = new ArrayList<>(List.of(running.get().getResponse().getStatus(),
                    duplicate.getResponse().getStatus()));
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            assertThat(duplicate.getResponse().getContentAsString()).contains("IDEMPOTENCY_REQUEST_IN_PROGRESS");
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(thingsNamed(name)).isEqualTo(1);
    }
}
