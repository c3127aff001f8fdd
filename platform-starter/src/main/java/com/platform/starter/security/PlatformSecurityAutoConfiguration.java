package com.platform.starter.security;

import com.platform.starter.problem.ProblemAutoConfiguration;
import com.platform.starter.problem.Problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server for the Keycloak realm {@code platform}: the token's signature, issuer,
 * expiry and audience are checked (spring.security.oauth2.resourceserver.jwt.*), realm roles become authorities
 * and method security decides per endpoint. {@code /internal/**} takes service-account tokens only.
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class, before = {ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        OAuth2ClientWebSecurityAutoConfiguration.class})
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

    static final String[] ALWAYS_PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/error"};

    @Bean
    @ConditionalOnMissingBean
    ProblemAuthenticationHandlers problemAuthenticationHandlers(Problems problems) {
        return new ProblemAuthenticationHandlers(problems);
    }

    /**
     * No observation of Spring Security's filters, authentication and authorization: a timer and a span around each
     * of its dozen filters on every request, read by nobody, cost 15-20 % of a service's CPU in the benchmark
     * profiles (docs/performance.md). Turning them off by property ({@code management.observations.enable}) only
     * made each a no-op and still wrapped the chain filter by filter; with these settings it is not decorated at all.
     * Every check is unchanged; {@code http.server.requests} and the request's span stay.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties,
            ProblemAuthenticationHandlers handlers) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(ALWAYS_PUBLIC).permitAll();
                    requests.requestMatchers("/internal/**").hasRole(properties.serviceRole());
                    if (!properties.publicPaths().isEmpty()) {
                        requests.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                    }
                    requests.requestMatchers("/actuator/**").hasRole("admin");
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers));
        return http.build();
    }
}
