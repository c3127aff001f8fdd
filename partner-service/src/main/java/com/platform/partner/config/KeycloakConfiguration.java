package com.platform.partner.config;

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

import com.platform.partner.credentials.KeycloakPartnerClients;
import com.platform.partner.credentials.PartnerClients;

/**
 * The Keycloak admin client, signed in as partner-service's own client (the same client id and secret it uses for
 * service-to-service tokens), built as user-service builds it: Keycloak's address and realm come from the token
 * issuer; {@code KEYCLOAK_ADMIN_URL} overrides the address where the issuer is not reachable from the service.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakConfiguration {

    private static final String REALMS = "/realms/";

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdminClient(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${partner.keycloak.admin-url:}") String adminUrl,
            @Value("${spring.security.oauth2.client.registration.platform-service.client-id}") String clientId,
            @Value("${spring.security.oauth2.client.registration.platform-service.client-secret}") String secret) {
        int realmStart = issuer.indexOf(REALMS);
        if (realmStart < 0) {
            throw new IllegalStateException("issuer-uri must look like <keycloak>/realms/<realm>: " + issuer);
        }
        Client http = ClientBuilder.newBuilder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS)
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
    PartnerClients partnerClients(Keycloak keycloak,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences:platform-api}") String audience,
            CircuitBreakerFactory<?, ?> breakers) {
        return new KeycloakPartnerClients(keycloak, realmOf(issuer), audience.split(",")[0].strip(), breakers);
    }

    static String realmOf(String issuer) {
        String realm = issuer.substring(issuer.indexOf(REALMS) + REALMS.length());
        return realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm;
    }
}
