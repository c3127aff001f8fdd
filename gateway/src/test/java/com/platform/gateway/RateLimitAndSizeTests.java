package com.platform.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitAndSizeTests extends GatewayIntegrationTest {

    @Test
    void aPersonOverTheLimitGets429WithRetryAfterWhileOthersGoOn() {
        String busy = freshUserToken();
        for (int i = 0; i < 20; i++) {
            client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + busy).exchange()
                    .expectStatus().isOk();
        }
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + busy).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + freshUserToken()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aPartnersSystemsShareThePartnersQuota() {
        String partnerId = UUID.randomUUID().toString();
        String system = tokens.token("service-account-partner-a", partnerId, "partner");
        String staff = tokens.token(UUID.randomUUID().toString(), partnerId, "partner");
        for (int i = 0; i < 8; i++) {
            client().get().uri("/api/v1/transactions").header("Authorization", "Bearer " + (i % 2 == 0 ? system
                    : staff)).exchange().expectStatus().isOk();
        }
        client().get().uri("/api/v1/transactions").header("Authorization", "Bearer " + staff).exchange()
                .expectStatus().isEqualTo(429);
        client().get().uri("/api/v1/transactions").header("Authorization", "Bearer "
                + tokens.token("other", UUID.randomUUID().toString(), "partner")).exchange().expectStatus().isOk();
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheServiceWhole() {
        client().post().uri("/api/v1/transactions").header("Authorization", "Bearer " + freshUserToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Flux.just("{\"a\":\"", "x".repeat(400), "x".repeat(400), "\"}"), String.class)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(808);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        client().post().uri("/api/v1/transactions").header("Authorization", "Bearer " + freshUserToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Flux.just("{\"a\":\"", "x".repeat(600), "x".repeat(600), "\"}"), String.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
    }

    /**
     * The body never ends: a gateway that read it whole before checking would never answer. The 413 comes once the
     * limit (1 KB here) has streamed in.
     */
    @Test
    void aChunkedBodyIsCutOffAtTheLimitWhileItIsStillStreaming() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/transactions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + freshUserToken() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String chunk = "x".repeat(512);
            for (int i = 0; i < 3; i++) {
                out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            // no last chunk: the body is still open
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(head.toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json");
            int length = Integer.parseInt(head.toLowerCase(Locale.ROOT).split("content-length: ")[1].split("\r\n")[0]
                    .strip());
            assertThat(new String(in.readNBytes(length), StandardCharsets.UTF_8)).contains("\"PAYLOAD_TOO_LARGE\"");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        client().post().uri("/api/v1/transactions").header("Authorization", "Bearer " + freshUserToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"description\":\"" + "x".repeat(2000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
    }
}
