package com.platform.gateway;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;

/**
 * Public calls are limited per visitor as the load balancer reports it (5 a minute in these tests). The test client
 * connects from 127.0.0.1, which GATEWAY_TRUSTED_PROXIES trusts by default: it plays the load balancer.
 */
class AnonymousRateLimitTests extends GatewayIntegrationTest {

    private static final int LIMIT = 5;

    @Test
    void visitorsBehindOneLoadBalancerEachHaveTheirOwnBucket() {
        String busy = visitor();
        for (int i = 0; i < LIMIT; i++) {
            register(client(), busy).expectStatus().isOk();
        }
        register(client(), busy).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        register(client(), visitor()).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(LIMIT - 1));
    }

    @Test
    void aVisitorCannotLeaveItsBucketByWritingAddressesIntoTheHeader() {
        String visitor = visitor();
        register(client(), visitor).expectStatus().isOk();
        register(client(), "127.0.0.1, " + visitor).expectStatus().isOk();
        // a second trusted proxy in the chain is skipped
        register(client(), visitor + ", 127.0.0.1").expectStatus().isOk();
        for (int i = 3; i < LIMIT; i++) {
            register(client(), visitor() + ", " + visitor).expectStatus().isOk();
        }
        register(client(), visitor() + ", " + visitor).expectStatus().isEqualTo(429);
    }

    @Test
    void aCallerThatIsNoTrustedProxyCannotChooseItsBucket() {
        // 127.0.0.2 is a loopback address the default GATEWAY_TRUSTED_PROXIES does not trust
        WebTestClient untrusted = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()
                        .bindAddress(() -> new InetSocketAddress("127.0.0.2", 0))))
                .baseUrl("http://127.0.0.1:" + port).build();
        for (int i = 0; i < LIMIT; i++) {
            register(untrusted, visitor()).expectStatus().isOk();
        }
        register(untrusted, visitor()).expectStatus().isEqualTo(429);
    }

    private static WebTestClient.ResponseSpec register(WebTestClient client, String forwardedFor) {
        return client.post().uri("/api/v1/registrations").header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    /** A documentation-range IPv6 address nobody else in the run uses. */
    private static String visitor() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:%x:%x::%x".formatted(random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(1, 0x10000));
    }
}
