package com.platform.testsupport;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a service under test at the shared fixtures: its own database on the embedded PostgreSQL, the local token
 * issuer (issuer, JWKS, audience, the service's client registration) and freshly generated field-encryption keys.
 * Kafka comes from {@code @EmbeddedKafka} through {@code spring.kafka.bootstrap-servers}.
 */
public final class PlatformTestEnvironment {

    private PlatformTestEnvironment() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        TestTokens tokens = TestTokens.get();
        registry.add("spring.datasource.url", () -> TestDatabase.jdbcUrl(database));
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestTokens.AUDIENCE);
        registry.add("spring.security.oauth2.client.registration.platform-service.client-id",
                () -> TestTokens.SERVICE_CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.platform-service.client-secret",
                () -> UUID.randomUUID().toString());
        registry.add("spring.security.oauth2.client.registration.platform-service.authorization-grant-type",
                () -> "client_credentials");
        registry.add("spring.security.oauth2.client.provider.platform-service.token-uri", tokens::tokenUri);
        registry.add("platform.crypto.aead-keyset", TestKeysets::aeadKeyset);
        registry.add("platform.crypto.blind-index-keyset", TestKeysets::blindIndexKeyset);
    }
}
