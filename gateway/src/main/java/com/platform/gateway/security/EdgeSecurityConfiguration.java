package com.platform.gateway.security;

import java.util.List;

import com.platform.gateway.GatewayProperties;
import com.platform.gateway.problem.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * G1/G4 at the edge: a Keycloak token (signature, issuer, expiry, audience) is required except on the public
 * endpoints of api.md; the service checks it again (no trust by network position). CORS for the configured
 * front-end origins; security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

    /** Public by api.md, or operational. */
    static final String[] PUBLIC_PATHS = {"/api/v1/registrations", "/api/v1/registrations/**",
            "/api/v1/payments/callbacks/**", "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**",
            "/api-docs/**"};

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, CorsConfigurationSource cors,
            Token68BearerTokenConverter bearerTokens) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .cors(spec -> spec.configurationSource(cors))
                .headers(headers -> headers
                        .referrerPolicy(policy -> policy.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(PUBLIC_PATHS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(bearerTokens)
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, e) -> Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "UNAUTHORIZED", exchange.getRequest().getHeaders().containsHeader("Authorization")
                                        ? "The access token is not valid." : "Authentication is required.")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, e) -> Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "UNAUTHORIZED", "Authentication is required."))
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "FORBIDDEN", "You are not allowed to perform this operation.")))
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Location", "Retry-After", "Idempotent-Replayed"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
