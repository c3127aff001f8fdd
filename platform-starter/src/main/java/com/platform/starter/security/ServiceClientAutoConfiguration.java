package com.platform.starter.security;

import com.platform.starter.requestid.RequestIdFeignInterceptor;

import feign.RequestInterceptor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Service-to-service calls over Feign: the request id on every call, and this service's client-credentials token on
 * calls to {@code /internal/**} (when the {@code platform-service} client registration is configured).
 */
@AutoConfiguration(after = OAuth2ClientAutoConfiguration.class)
@ConditionalOnClass(RequestInterceptor.class)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class ServiceClientAutoConfiguration {

    @Bean
    RequestIdFeignInterceptor requestIdFeignInterceptor() {
        return new RequestIdFeignInterceptor();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({ClientRegistrationRepository.class, OAuth2AuthorizedClientService.class})
    static class ServiceTokenConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OAuth2AuthorizedClientManager serviceAuthorizedClientManager(ClientRegistrationRepository registrations,
                OAuth2AuthorizedClientService clientService) {
            // Works outside any HTTP request (Kafka listeners, schedulers) and caches tokens until shortly
            // before expiry (the provider's default clock skew is 60 s).
            var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clientService);
            manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                    .clientCredentials()
                    .build());
            return manager;
        }

        @Bean
        ServiceTokenFeignInterceptor serviceTokenFeignInterceptor(OAuth2AuthorizedClientManager manager,
                PlatformSecurityProperties properties) {
            return new ServiceTokenFeignInterceptor(manager, properties.serviceClientRegistration());
        }
    }
}
