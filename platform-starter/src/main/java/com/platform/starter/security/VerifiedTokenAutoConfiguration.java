package com.platform.starter.security;

import java.time.Clock;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.platform.security.core.HeaderCharacters;
import com.platform.security.core.TokenValidators;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The authenticated path made cheap (issue 13): the JWT decoder with a {@link CachingJwtDecoder verified-token cache}
 * in front, keys from a {@link PublishedKeys JWKS fetched again every refresh interval}, and header checks by loops
 * instead of regular expressions ({@link HeaderCharacters}, {@link Token68BearerTokenResolver}). The logic shared with
 * the gateway lives in platform-security-core; the classes here adapt it to the servlet stack.
 * <p>
 * The decoder is the one Spring Boot would build from {@code spring.security.oauth2.resourceserver.jwt.*}
 * ({@code jwk-set-uri}, {@code issuer-uri}, {@code audiences}, {@code jws-algorithms}, any
 * {@code OAuth2TokenValidator<Jwt>} beans; Boot's {@code JwkSetUriJwtDecoderBuilderCustomizer}s do not apply) with the
 * same validators; a service that declares its own {@link JwtDecoder} keeps it.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnClass({NimbusJwtDecoder.class, Caffeine.class})
@EnableConfigurationProperties({TokenCacheProperties.class, OAuth2ResourceServerProperties.class})
public class VerifiedTokenAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, TokenCacheProperties cache,
            ObjectProvider<OAuth2TokenValidator<Jwt>> additionalValidators) {
        return decoder(resourceServer.getJwt(), additionalValidators.orderedStream().toList(), cache,
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        return firewall;
    }

    @Bean
    @ConditionalOnMissingBean(BearerTokenResolver.class)
    BearerTokenResolver bearerTokenResolver() {
        return new Token68BearerTokenResolver();
    }

    /** The decoder for these properties, with time taken from {@code clock} (tests pass a clock they move). */
    static JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt jwt,
            List<OAuth2TokenValidator<Jwt>> additionalValidators, TokenCacheProperties cache, Clock clock) {
        PublishedKeys keys = new PublishedKeys(jwt.getJwkSetUri(), clock, cache.jwksRefreshInterval());
        OAuth2TokenValidator<Jwt> validator = validator(jwt, additionalValidators, clock);
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithms(algorithms -> jwt.getJwsAlgorithms()
                        .forEach(name -> algorithms.add(SignatureAlgorithm.from(name))))
                .build();
        verifier.setJwtValidator(validator);
        if (!cache.enabled() || cache.maximumSize() == 0) {
            return verifier;
        }
        return new CachingJwtDecoder(verifier, keys, validator, clock, cache.maximumSize(), cache.maxTimeToLive());
    }

    /** The validators Spring Boot configures for these properties ({@link TokenValidators}), timed by {@code clock}. */
    static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt jwt,
            List<OAuth2TokenValidator<Jwt>> additionalValidators, Clock clock) {
        return TokenValidators.of(jwt.getIssuerUri(), jwt.getAudiences(), additionalValidators, clock);
    }
}
