package com.platform.user.directory;

import java.util.UUID;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.ConfigBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Keycloak adapter's reading of Keycloak's answers, against a WireMock standing in for the admin REST API (the
 * real server is exercised in e2e-tests): a deletion Keycloak did not perform is never taken for one.
 */
class KeycloakUserDirectoryTests {

    private static final WireMockServer keycloakServer = new WireMockServer(
            WireMockConfiguration.options().dynamicPort());
    private static Keycloak keycloak;

    private final UUID userId = UUID.randomUUID();
    private KeycloakUserDirectory directory;

    @BeforeAll
    static void start() {
        keycloakServer.start();
        keycloak = KeycloakBuilder.builder().serverUrl(keycloakServer.baseUrl()).realm("platform")
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId("user-service").clientSecret("test")
                .build();
    }

    @AfterAll
    static void stop() {
        keycloak.close();
        keycloakServer.stop();
    }

    @BeforeEach
    void tokenEndpoint() {
        keycloakServer.resetAll();
        keycloakServer.stubFor(post(urlPathEqualTo("/realms/platform/protocol/openid-connect/token"))
                .willReturn(okJson("{\"access_token\":\"token\",\"expires_in\":300,\"refresh_expires_in\":0,"
                        + "\"token_type\":\"Bearer\"}")));
        directory = new KeycloakUserDirectory(keycloak, "platform", new PassThroughBreakers());
    }

    private void deletionAnswers(int status) {
        keycloakServer.stubFor(delete(urlPathEqualTo("/admin/realms/platform/users/" + userId))
                .willReturn(aResponse().withStatus(status)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {204, 404})
    void aDeletionOrALoginAlreadyGoneIsSuccess(int status) {
        deletionAnswers(status);
        assertThatCode(() -> directory.delete(userId)).doesNotThrowAnyException();
        keycloakServer.verify(1, deleteRequestedFor(urlPathEqualTo("/admin/realms/platform/users/" + userId)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 403, 409, 500, 502, 503})
    void anyOtherAnswerIsAFailedDeletion(int status) {
        deletionAnswers(status);
        assertThatThrownBy(() -> directory.delete(userId)).isInstanceOf(DirectoryUnavailableException.class);
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
