package com.platform.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.platform.gateway.GatewayProperties;
import com.platform.gateway.problem.Problems;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import reactor.core.publisher.Mono;

/**
 * G1/G4 at the edge: a Keycloak token (signature, issuer, expiry, audience) is required except on the public
 * endpoints of api.md and the health probes; the service checks it again (no trust by network position). The
 * actuator beyond the probes needs the operations role. CORS for the configured front-end origins; security headers
 * on every response.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

    /** Public by api.md. */
    static final String[] PUBLIC_PATHS = {"/api/v1/registrations", "/api/v1/registrations/**",
            "/api/v1/payments/callbacks/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**",
            "/api-docs/**"};

    /** For the load balancer: status only, details need {@link #OPERATIONS_ROLE} (management.endpoint.health). */
    static final String[] PROBE_PATHS = {"/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness"};

    /**
     * Every other actuator endpoint (metrics, prometheus, info, health components) tells an attacker about the
     * platform, so at the edge it needs this Keycloak realm role, as on the services.
     */
    static final String OPERATIONS_ROLE = "admin";

    /**
     * No observation of the security filters, the authentication and the authorization: {@code spring.security.*}
     * timers nobody reads (the gateway sends no traces) cost 5-6 % of its CPU under load (docs/performance.md,
     * gateway-vs-direct). Turning them off by property only made each a no-op and still wrapped the chain filter by
     * filter; with these settings it is not decorated at all. The checks are unchanged; {@code http.server.requests}
     * and the upstream call's {@code http.client.requests} stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, CorsConfigurationSource cors,
            Token68BearerTokenConverter bearerTokens) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Stateless edge: the defaults keep the security context and a saved request in a WebSession, and
                // looking one up creates a session for every request (a SecureRandom id on boundedElastic, then the
                // rest of the request hops to the parallel scheduler): a fifth of the gateway's CPU in a profile.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(spec -> spec.configurationSource(cors))
                .headers(headers -> headers
                        .referrerPolicy(policy -> policy.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(PROBE_PATHS).permitAll()
                        .pathMatchers("/actuator", "/actuator/**").hasRole(OPERATIONS_ROLE)
                        .pathMatchers(PUBLIC_PATHS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(bearerTokens)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(EdgeSecurityConfiguration::authentication))
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

    /**
     * Keycloak realm roles ({@code realm_access.roles}) become {@code ROLE_<role>} authorities, as in the services;
     * the name stays the subject (the rate limit keys on it). The edge only uses them for the actuator.
     */
    static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        List<GrantedAuthority> roles = List.of();
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> names) {
            roles = names.stream().filter(String.class::isInstance)
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
        }
        return Mono.just(new JwtAuthenticationToken(jwt, roles, jwt.getSubject()));
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
