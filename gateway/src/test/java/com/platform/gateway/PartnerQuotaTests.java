package com.platform.gateway;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.platform.gateway.partnerquota.PartnerQuota;
import com.platform.gateway.partnerquota.PartnerQuotas;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * G2 with P4: each partner's calls are limited at the {@code apiQuotaPerMinute} partner-service last wrote for it on
 * the compacted quota topic, shared by all its clients. Quotas here are small (a token comes back every 20 s or
 * more), so a test empties a bucket far faster than it refills.
 */
class PartnerQuotaTests extends GatewayIntegrationTest {

    /** "Within seconds": the bound only keeps a broken feed from hanging the build. */
    private static final Duration SOON = Duration.ofSeconds(15);

    private static QuotaTopic topic;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private PartnerQuotas quotas;

    @BeforeAll
    static void producer(@Autowired EmbeddedKafkaBroker broker) {
        topic = new QuotaTopic(broker.getBrokersAsString());
    }

    @AfterAll
    static void closeProducer() {
        topic.close();
    }

    @Test
    void aPartnerAtItsQuotaGets429AfterThatManyCallsInAMinute() {
        String partner = newPartner();
        topic.quotaSet(partner, 3);
        awaitQuota(partner, 3);
        for (int i = 0; i < 3; i++) {
            call(client(), partner).expectStatus().isOk();
        }
        call(client(), partner).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
    }

    @Test
    void allClientsOfAPartnerShareItsQuota() {
        String partner = newPartner();
        topic.quotaSet(partner, 2);
        awaitQuota(partner, 2);
        callAs(client(), tokens.token("service-account-" + UUID.randomUUID(), partner, "partner")).expectStatus()
                .isOk();
        callAs(client(), tokens.token("service-account-" + UUID.randomUUID(), partner, "partner")).expectStatus()
                .isOk();
        callAs(client(), tokens.token("service-account-" + UUID.randomUUID(), partner, "partner")).expectStatus()
                .isEqualTo(429);
    }

    @Test
    void aNewQuotaTakesEffectWithinSecondsAndKeepsWhatWasUsedThisMinute() {
        String partner = newPartner();
        topic.quotaSet(partner, 2);
        awaitQuota(partner, 2);
        call(client(), partner).expectStatus().isOk();
        call(client(), partner).expectStatus().isOk();
        call(client(), partner).expectStatus().isEqualTo(429);

        // an amendment raises it to 4: the two calls made count, two more are allowed
        topic.quotaSet(partner, 4);
        awaitQuota(partner, 4);
        call(client(), partner).expectStatus().isOk();
        call(client(), partner).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0");
        call(client(), partner).expectStatus().isEqualTo(429);
    }

    @Test
    void aCutQuotaLeavesNoMoreThanTheNewQuota() {
        String partner = newPartner();
        topic.quotaSet(partner, 30);
        awaitQuota(partner, 30);
        call(client(), partner).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "29");
        topic.quotaSet(partner, 2);
        awaitQuota(partner, 2);
        call(client(), partner).expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", "1");
        call(client(), partner).expectStatus().isOk();
        call(client(), partner).expectStatus().isEqualTo(429);
    }

    @Test
    void aPartnerWithQuotaZeroMayNotCallUntilItGetsAQuotaAgain() {
        String partner = newPartner();
        topic.quotaSet(partner, 0);
        awaitQuota(partner, 0);
        for (int i = 0; i < 2; i++) {
            call(client(), partner).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().doesNotExist("Retry-After")
                    .expectBody()
                    .jsonPath("$.code").isEqualTo("PARTNER_NO_API_QUOTA")
                    .jsonPath("$.status").isEqualTo(403);
        }

        // a new agreement is signed
        topic.quotaSet(partner, 2);
        awaitQuota(partner, 2);
        call(client(), partner).expectStatus().isOk();
        call(client(), partner).expectStatus().isOk();
        call(client(), partner).expectStatus().isEqualTo(429);
    }

    @Test
    void aPartnerNotHeardOfGetsTheConfiguredDefault() {
        String partner = newPartner();
        assertThat(quotas.of(partner)).isEmpty();
        for (int i = 0; i < PARTNER_DEFAULT; i++) {
            call(client(), partner).expectStatus().isOk();
        }
        call(client(), partner).expectStatus().isEqualTo(429);
    }

    @Test
    void twoPartnersHaveSeparateBudgets() {
        String first = newPartner();
        String second = newPartner();
        topic.quotaSet(first, 2);
        topic.quotaSet(second, 3);
        awaitQuota(first, 2);
        awaitQuota(second, 3);
        call(client(), first).expectStatus().isOk();
        call(client(), first).expectStatus().isOk();
        call(client(), first).expectStatus().isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            call(client(), second).expectStatus().isOk();
        }
        call(client(), second).expectStatus().isEqualTo(429);
    }

    @Test
    void onlyPartnerTokensCountAgainstAPartnersQuota() {
        String partner = newPartner();
        topic.quotaSet(partner, 0);
        awaitQuota(partner, 0);
        // a token carrying the claim without the realm role partner is limited as a person
        callAs(client(), tokens.token(UUID.randomUUID().toString(), partner, "user")).expectStatus().isOk();
    }

    @Test
    void aLateRecordOlderThanTheAppliedOneChangesNothing() {
        String partner = newPartner();
        topic.quotaSet(partner, 3, 2);
        awaitQuota(partner, 3);
        // sequence 1 arrives late (a re-delivery), then a marker proves the feed has read past it
        topic.quotaSet(partner, 0, 1);
        String marker = newPartner();
        topic.quotaSet(marker, 1);
        awaitQuota(marker, 1);
        assertThat(quotas.of(partner).map(PartnerQuota::perMinute)).contains(3);
        call(client(), partner).expectStatus().isOk();
    }

    @Test
    void malformedRecordsAreSkippedAndTheFeedGoesOn() {
        String known = newPartner();
        topic.quotaSet(known, 2);
        awaitQuota(known, 2);
        String unknown = newPartner();
        List<String> malformed = List.of(
                "not json at all",
                "[1, 2]",
                "{\"specversion\":\"1.0\",\"type\":\"partner.quota-set\"}",
                QuotaTopic.envelope(known, -5, null),
                QuotaTopic.envelope(known, "\"ten\"", null),
                QuotaTopic.envelope(known, 2.5, null),
                QuotaTopic.envelope(known, 99999999999L, null),
                QuotaTopic.envelope(known, 7, null).replace("\"specversion\":\"1.0\",", ""),
                QuotaTopic.envelope(newPartner(), 7, null),
                QuotaTopic.envelope(known, 7, null).replace("\"partnerId\":\"" + known + "\",", ""));
        malformed.forEach(value -> topic.send(known, value));
        topic.send(unknown, "{\"specversion\":\"1.0\",\"type\":\"partner.quota-set\",\"data\":\"x\"}");
        String after = newPartner();
        topic.quotaSet(after, 1);
        awaitQuota(after, 1);

        assertThat(quotas.of(known).map(PartnerQuota::perMinute)).contains(2);
        assertThat(quotas.of(unknown)).isEmpty();
        client().get().uri("/actuator/health").header("Authorization", "Bearer " + freshUserToken("admin"))
                .exchange()
                .expectBody()
                .jsonPath("$.components.partnerQuotas.status").isEqualTo("UP")
                .jsonPath("$.components.partnerQuotas.details.recordsSkipped").value(skipped ->
                        assertThat(((Number) skipped).intValue()).isGreaterThanOrEqualTo(malformed.size() + 1));
    }

    @Test
    void aRestartedGatewayRebuildsTheViewFromTheTopicBeforeItServes() {
        String limited = newPartner();
        String blocked = newPartner();
        topic.quotaSet(limited, 5);
        topic.quotaSet(limited, 2);
        topic.quotaSet(blocked, 3);
        topic.quotaSet(blocked, 0);
        awaitQuota(blocked, 0);

        try (ConfigurableApplicationContext restarted = anotherGateway(broker.getBrokersAsString(), Map.of())) {
            PartnerQuotas view = restarted.getBean(PartnerQuotas.class);
            // no waiting: the start read the whole topic before the gateway took its first request
            assertThat(view.of(limited).map(PartnerQuota::perMinute)).contains(2);
            assertThat(view.of(blocked).map(PartnerQuota::perMinute)).contains(0);
            WebTestClient client = clientOf(restarted);
            call(client, limited).expectStatus().isOk();
            call(client, limited).expectStatus().isOk();
            call(client, limited).expectStatus().isEqualTo(429);
            call(client, blocked).expectStatus().isForbidden();
        }
    }

    /**
     * The broker is reached through a proxy that is closed while this gateway starts: it starts after the initial
     * load timeout and serves with the default; the probes stay UP, health component partnerQuotas is DOWN; once
     * the proxy opens it catches up and the partner's quota applies.
     */
    @Test
    void aGatewayStartedWithKafkaDownServesWithTheDefaultAndCatchesUpLater() throws Exception {
        String partner = newPartner();
        topic.quotaSet(partner, 3);
        int proxyPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            proxyPort = socket.getLocalPort();
        }
        String brokerAddress = broker.getBrokersAsString().split(",")[0];
        String brokerHost = brokerAddress.substring(0, brokerAddress.lastIndexOf(':'));
        int brokerPort = Integer.parseInt(brokerAddress.substring(brokerAddress.lastIndexOf(':') + 1));
        try (NioReactor reactor = new NioReactor();
                TcpCrusher proxy = TcpCrusherBuilder.builder().withReactor(reactor)
                        .withBindAddress("127.0.0.1", proxyPort).withConnectAddress(brokerHost, brokerPort).build();
                ConfigurableApplicationContext gateway = anotherGateway("127.0.0.1:" + proxyPort,
                        Map.of("PARTNER_QUOTAS_INITIAL_LOAD_TIMEOUT", "1s"))) {
            WebTestClient client = clientOf(gateway);
            String admin = freshUserToken("admin");
            client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            client.get().uri("/actuator/health").header("Authorization", "Bearer " + admin).exchange()
                    .expectBody()
                    .jsonPath("$.components.partnerQuotas.status").isEqualTo("DOWN")
                    .jsonPath("$.components.partnerQuotas.details.loaded").isEqualTo(false);
            // the default (8) applies meanwhile: more than the partner's 3
            for (int i = 0; i < 4; i++) {
                call(client, partner).expectStatus().isOk();
            }

            proxy.open();
            PartnerQuotas view = gateway.getBean(PartnerQuotas.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> view.of(partner).isPresent());
            await().atMost(SOON).untilAsserted(() -> client.get().uri("/actuator/health")
                    .header("Authorization", "Bearer " + admin).exchange()
                    .expectBody().jsonPath("$.components.partnerQuotas.status").isEqualTo("UP"));
            // the default would leave 3 after this call; the partner's quota of 3 caps what is left at 3, so 2
            call(client, partner).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "2");
        }
    }

    @Test
    void theGatewaySeesThatTheQuotaTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, QUOTA_TOPIC);
            Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
        client().get().uri("/actuator/health/partnerQuotas").header("Authorization", "Bearer "
                        + freshUserToken("admin")).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.details.compacted").isEqualTo(true)
                .jsonPath("$.details.partitions").isEqualTo(3);
    }

    private void awaitQuota(String partner, int perMinute) {
        await().atMost(SOON).until(() -> quotas.of(partner).map(PartnerQuota::perMinute),
                Optional.of(perMinute)::equals);
    }

    private static String newPartner() {
        return UUID.randomUUID().toString();
    }

    /** A call of one of the partner's systems. */
    private static WebTestClient.ResponseSpec call(WebTestClient client, String partner) {
        return callAs(client, partnerToken(partner));
    }

    private static WebTestClient.ResponseSpec callAs(WebTestClient client, String token) {
        return client.get().uri("/api/v1/partners/" + UUID.randomUUID()).header("Authorization", "Bearer " + token)
                .exchange();
    }
}
