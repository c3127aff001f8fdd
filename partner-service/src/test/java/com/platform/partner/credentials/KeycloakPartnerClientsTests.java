package com.platform.partner.credentials;

import java.util.UUID;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.ConfigBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Keycloak adapter's calls and its reading of the answers, against a WireMock standing in for Keycloak's admin
 * REST API (as user-service tests its adapter; the real server is exercised in e2e-tests): the client it creates
 * is confidential with a service account, the fixed {@code partner_id} claim and the API audience; the service
 * account gets the realm role {@code partner}; the secret returned is the one Keycloak generated.
 */
class KeycloakPartnerClientsTests {

    private static final WireMockServer keycloakServer = new WireMockServer(
            WireMockConfiguration.options().dynamicPort());
    private static Keycloak keycloak;
    private static final String ADMIN = "/admin/realms/platform";

    private final UUID partnerId = UUID.randomUUID();
    private final String clientId = "partner-" + partnerId;
    private KeycloakPartnerClients clients;

    @BeforeAll
    static void start() {
        keycloakServer.start();
        keycloak = KeycloakBuilder.builder().serverUrl(keycloakServer.baseUrl()).realm("platform")
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId("partner-service").clientSecret("test")
                .build();
    }

    @AfterAll
    static void stop() {
        keycloak.close();
        keycloakServer.stop();
    }

    @BeforeEach
    void keycloakAnswers() {
        keycloakServer.resetAll();
        keycloakServer.stubFor(post(urlPathEqualTo("/realms/platform/protocol/openid-connect/token"))
                .willReturn(okJson("{\"access_token\":\"token\",\"expires_in\":300,\"refresh_expires_in\":0,"
                        + "\"token_type\":\"Bearer\"}")));
        clients = new KeycloakPartnerClients(keycloak, "platform", "platform-api", new PassThroughBreakers());
    }

    private void existingClient() {
        keycloakServer.stubFor(get(urlPathEqualTo(ADMIN + "/clients")).withQueryParam("clientId", equalTo(clientId))
                .willReturn(okJson("[{\"id\":\"internal-1\",\"clientId\":\"" + clientId + "\"}]")));
        clientResources();
    }

    private void clientResources() {
        keycloakServer.stubFor(get(urlPathEqualTo(ADMIN + "/clients/internal-1"))
                .willReturn(okJson("{\"id\":\"internal-1\",\"clientId\":\"" + clientId + "\",\"enabled\":true}")));
        keycloakServer.stubFor(get(urlPathEqualTo(ADMIN + "/clients/internal-1/service-account-user"))
                .willReturn(okJson("{\"id\":\"sa-1\",\"username\":\"service-account-" + clientId + "\"}")));
        keycloakServer.stubFor(get(urlPathEqualTo(ADMIN + "/roles/partner"))
                .willReturn(okJson("{\"id\":\"role-1\",\"name\":\"partner\"}")));
        keycloakServer.stubFor(get(urlPathEqualTo(ADMIN + "/users/sa-1/role-mappings/realm/composite"))
                .willReturn(okJson("[]")));
        keycloakServer.stubFor(post(urlPathEqualTo(ADMIN + "/users/sa-1/role-mappings/realm"))
                .willReturn(aResponse().withStatus(204)));
        keycloakServer.stubFor(post(urlPathEqualTo(ADMIN + "/clients/internal-1/client-secret"))
                .willReturn(okJson("{\"type\":\"secret\",\"value\":\"generated-secret\"}")));
    }

    @Test
    void createsAConfidentialClientWithThePartnerClaimTheAudienceAndThePartnerRole() {
        keycloakServer.stubFor(get(urlPathEqualTo(ADMIN + "/clients")).withQueryParam("clientId", equalTo(clientId))
                .inScenario("create").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(okJson("[]")).willSetStateTo("created"));
        keycloakServer.stubFor(post(urlPathEqualTo(ADMIN + "/clients")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", keycloakServer.baseUrl() + ADMIN + "/clients/internal-1")));
        clientResources();
        keycloakServer.stubFor(get(urlPathEqualTo(ADMIN + "/clients")).withQueryParam("clientId", equalTo(clientId))
                .inScenario("create").whenScenarioStateIs("created")
                .willReturn(okJson("[{\"id\":\"internal-1\",\"clientId\":\"" + clientId + "\"}]")));

        PartnerClients.Credentials credentials = clients.create(partnerId);

        assertThat(credentials.clientId()).isEqualTo(clientId);
        assertThat(credentials.clientSecret()).isEqualTo("generated-secret");
        keycloakServer.verify(postRequestedFor(urlPathEqualTo(ADMIN + "/clients"))
                .withRequestBody(matchingJsonPath("$.clientId", equalTo(clientId)))
                .withRequestBody(matchingJsonPath("$.publicClient", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.serviceAccountsEnabled", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.standardFlowEnabled", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.protocolMappers[?(@.protocolMapper == "
                        + "'oidc-hardcoded-claim-mapper')].config['claim.value']", equalTo(partnerId.toString())))
                .withRequestBody(matchingJsonPath("$.protocolMappers[?(@.protocolMapper == "
                        + "'oidc-hardcoded-claim-mapper')].config['claim.name']", equalTo("partner_id")))
                .withRequestBody(matchingJsonPath("$.protocolMappers[?(@.protocolMapper == "
                        + "'oidc-audience-mapper')].config['included.custom.audience']", equalTo("platform-api"))));
        keycloakServer.verify(postRequestedFor(urlPathEqualTo(ADMIN + "/users/sa-1/role-mappings/realm"))
                .withRequestBody(matchingJsonPath("$[0].name", equalTo("partner"))));
    }

    @Test
    void aClientLeftByAnEarlierAttemptGetsANewSecretInsteadOfASecondClient() {
        existingClient();
        assertThat(clients.create(partnerId).clientSecret()).isEqualTo("generated-secret");
        keycloakServer.verify(0, postRequestedFor(urlPathEqualTo(ADMIN + "/clients")));
    }

    @Test
    void rotationAsksKeycloakForANewSecret() {
        existingClient();
        assertThat(clients.rotate(clientId).clientSecret()).isEqualTo("generated-secret");
        keycloakServer.verify(postRequestedFor(urlPathEqualTo(ADMIN + "/clients/internal-1/client-secret")));
    }

    @Test
    void revocationRemovesTheClientAndAnUnknownClientIsFine() {
        existingClient();
        keycloakServer.stubFor(delete(urlPathEqualTo(ADMIN + "/clients/internal-1"))
                .willReturn(aResponse().withStatus(204)));
        clients.delete(clientId);
        keycloakServer.verify(deleteRequestedFor(urlPathEqualTo(ADMIN + "/clients/internal-1")));

        keycloakServer.stubFor(get(urlPathEqualTo(ADMIN + "/clients")).withQueryParam("clientId",
                equalTo("partner-gone")).willReturn(okJson("[]")));
        clients.delete("partner-gone");
    }

    @Test
    void aKeycloakFailureIsUnavailableNeverASuccess() {
        keycloakServer.stubFor(get(urlPathEqualTo(ADMIN + "/clients")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> clients.create(partnerId))
                .isInstanceOf(PartnerClients.PartnerClientsUnavailableException.class);
        assertThatThrownBy(() -> clients.rotate(clientId))
                .isInstanceOf(PartnerClients.PartnerClientsUnavailableException.class);
        assertThatThrownBy(() -> clients.delete(clientId))
                .isInstanceOf(PartnerClients.PartnerClientsUnavailableException.class);
    }

    /** No breaker state between cases: each call runs once and failures go to the fallback. */
    private static final class PassThroughBreakers extends CircuitBreakerFactory<Object, ConfigBuilder<Object>> {

        @Override
        public CircuitBreaker create(String id) {
            return new CircuitBreaker() {
                @Override
                public <T> T run(java.util.function.Supplier<T> toRun, Function<Throwable, T> fallback) {
                    try {
                        return toRun.get();
                    }
                    catch (RuntimeException e) {
                        return fallback.apply(e);
                    }
                }
            };
        }

        @Override
        protected ConfigBuilder<Object> configBuilder(String id) {
            return () -> null;
        }

        @Override
        public void configureDefault(Function<String, Object> defaultConfiguration) {
        }
    }
}
