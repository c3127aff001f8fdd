package com.platform.starter.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicPaths request patterns any caller may reach without a token (e.g. registration)
 * @param serviceRole the realm role that only service accounts hold; required on {@code /internal/**}
 * @param serviceClientRegistration the OAuth2 client registration used for service-to-service calls
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue("service") String serviceRole,
        @DefaultValue("platform-service") String serviceClientRegistration) {
}
