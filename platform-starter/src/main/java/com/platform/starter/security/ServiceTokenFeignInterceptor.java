package com.platform.starter.security;

import feign.RequestInterceptor;
import feign.RequestTemplate;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * Puts this service's own client-credentials token on Feign calls to another service's {@code /internal/**} API.
 * The manager caches the token and fetches a new one shortly before it expires. Calls to third parties
 * (SMS, identity provider, ...) never carry it.
 */
public class ServiceTokenFeignInterceptor implements RequestInterceptor {

    private static final String PRINCIPAL = "platform-service";

    private final OAuth2AuthorizedClientManager clientManager;
    private final String registrationId;

    public ServiceTokenFeignInterceptor(OAuth2AuthorizedClientManager clientManager, String registrationId) {
        this.clientManager = clientManager;
        this.registrationId = registrationId;
    }

    @Override
    public void apply(RequestTemplate template) {
        if (!template.path().startsWith("/internal/") || template.headers().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        OAuth2AuthorizedClient client = clientManager.authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(registrationId).principal(PRINCIPAL).build());
        if (client == null) {
            throw new IllegalStateException("No service token for client registration " + registrationId);
        }
        template.header(HttpHeaders.AUTHORIZATION, "Bearer " + client.getAccessToken().getTokenValue());
    }
}
