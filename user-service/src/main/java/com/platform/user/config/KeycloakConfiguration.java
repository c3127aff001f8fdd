package com.platform.user.config;

import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.platform.user.directory.KeycloakUserDirectory;
import com.platform.user.directory.UserDirectory;

/**
 * The Keycloak admin client, signed in as this service's own client (the same client id and secret it uses for
 * service-to-service tokens). Keycloak's address and realm come from the token issuer, so one setting
 * ({@code KEYCLOAK_ISSUER_URI}) points the service at its Keycloak for both purposes; where the issuer is a public
 * address the service cannot reach (containers), {@code KEYCLOAK_ADMIN_URL} gives the internal one.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakConfiguration {

    private static final String REALMS = "/realms/";

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdminClient(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${user.keycloak.admin-url:}") String adminUrl,
            @Value("${spring.security.oauth2.client.registration.platform-service.client-id}") String clientId,
            @Value("${spring.security.oauth2.client.registration.platform-service.client-secret}") String secret) {
        int realmStart = issuer.indexOf(REALMS);
        if (realmStart < 0) {
            throw new IllegalStateException("issuer-uri must look like <keycloak>/realms/<realm>: " + issuer);
        }
        Client http = ClientBuilder.newBuilder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS)
                // Keycloak's provider ignores unknown fields: the server may be newer than the client
                .register(JacksonProvider.class, 100)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(adminUrl.isBlank() ? issuer.substring(0, realmStart) : adminUrl)
                .realm(realmOf(issuer))
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(clientId)
                .clientSecret(secret)
                .resteasyClient(http)
                .build();
    }

    @Bean
    UserDirectory userDirectory(Keycloak keycloak,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            CircuitBreakerFactory<?, ?> breakers) {
        return new KeycloakUserDirectory(keycloak, realmOf(issuer), breakers);
    }

    private static String realmOf(String issuer) {
        String realm = issuer.substring(issuer.indexOf(REALMS) + REALMS.length());
        return realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm;
    }
}
