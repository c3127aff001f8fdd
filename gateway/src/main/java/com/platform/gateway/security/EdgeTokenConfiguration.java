package com.platform.gateway.security;

import java.time.Clock;
import java.util.List;

import com.platform.security.core.HeaderCharacters;
import com.platform.security.core.TokenValidators;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The authenticated path made cheap at the edge (issue 13): the JWT decoder with a
 * {@link CachingReactiveJwtDecoder verified-token cache} in front, keys from a {@link EdgePublishedKeys JWKS fetched
 * again every refresh interval}, and header checks by loops instead of regular expressions
 * ({@link HeaderCharacters}, {@link Token68BearerTokenConverter}). The logic shared with the starter lives in
 * platform-security-core; the classes here adapt it to WebFlux.
 * <p>
 * The decoder is the one Spring Boot would build from {@code spring.security.oauth2.resourceserver.jwt.*}
 * ({@code jwk-set-uri}, {@code issuer-uri}, {@code audiences}, at most one of {@code jws-algorithms}, any
 * {@code OAuth2TokenValidator<Jwt>} beans) with the same validators.
 */
@Configuration(proxyBeanMethods = false)
class EdgeTokenConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, EdgeTokenCacheProperties cache,
            ObjectProvider<OAuth2TokenValidator<Jwt>> additionalValidators) {
        return decoder(resourceServer.getJwt(), additionalValidators.orderedStream().toList(), cache,
                Clock.systemUTC(), WebClient.create());
    }

    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        return firewall;
    }

    @Bean
    Token68BearerTokenConverter bearerTokenConverter() {
        return new Token68BearerTokenConverter();
    }

    /** The decoder for these properties, with time taken from {@code clock} (tests pass a clock they move). */
    static ReactiveJwtDecoder decoder(OAuth2ResourceServerProperties.Jwt jwt,
            List<OAuth2TokenValidator<Jwt>> additionalValidators, EdgeTokenCacheProperties cache, Clock clock,
            WebClient webClient) {
        if (!StringUtils.hasText(jwt.getJwkSetUri())) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri is required");
        }
        List<String> algorithms = jwt.getJwsAlgorithms();
        if (algorithms.size() > 1) {
            throw new IllegalStateException("The gateway verifies one JWS algorithm; configured: " + algorithms);
        }
        EdgePublishedKeys keys = new EdgePublishedKeys(jwt.getJwkSetUri(), webClient, clock,
                cache.jwksRefreshInterval());
        OAuth2TokenValidator<Jwt> validator = validator(jwt, additionalValidators, clock);
        NimbusReactiveJwtDecoder.JwkSourceReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder
                .withJwkSource(signed -> keys.select(signed.getHeader()));
        if (!algorithms.isEmpty()) {
            builder.jwsAlgorithm(SignatureAlgorithm.from(algorithms.get(0)));
        }
        NimbusReactiveJwtDecoder verifier = builder.build();
        verifier.setJwtValidator(validator);
        if (!cache.enabled() || cache.maximumSize() == 0) {
            return verifier;
        }
        return new CachingReactiveJwtDecoder(verifier, keys, validator, clock, cache.maximumSize(),
                cache.maxTimeToLive());
    }

    /** The validators Spring Boot configures for these properties ({@link TokenValidators}), timed by {@code clock}. */
    static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt jwt,
            List<OAuth2TokenValidator<Jwt>> additionalValidators, Clock clock) {
        return TokenValidators.of(jwt.getIssuerUri(), jwt.getAudiences(), additionalValidators, clock);
    }
}
