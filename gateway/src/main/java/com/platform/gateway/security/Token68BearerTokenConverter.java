package com.platform.gateway.security;

import java.util.List;

import com.platform.security.core.BearerToken68;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token from the {@code Authorization} header like {@link ServerBearerTokenAuthenticationConverter}
 * does (scheme {@code Bearer} in any case, one space, a token68 value: {@code [A-Za-z0-9-._~+/]+=*}), with the
 * loop of {@link BearerToken68} instead of its regular expression (issue 13). Stricter in one point: several
 * {@code Authorization} headers are refused rather than the first one taken (the service behind would otherwise
 * possibly read another one than the gateway checked). Tokens in the query string or a form body are never read (as
 * before: Spring's converter has both off by default).
 */
final class Token68BearerTokenConverter implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            List<String> values = exchange.getRequest().getHeaders().get(HttpHeaders.AUTHORIZATION);
            if (values == null || values.isEmpty()) {
                return Mono.empty();
            }
            if (values.size() > 1) {
                return Mono.error(new OAuth2AuthenticationException(
                        BearerTokenErrors.invalidRequest("Found multiple Authorization headers in the request")));
            }
            String token = token(values.get(0));
            return token == null ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(token));
        });
    }

    /**
     * The token of a {@code Bearer} authorization value, null for another scheme.
     *
     * @throws OAuth2AuthenticationException {@code invalid_token} if the value is not {@code Bearer <token68>}
     */
    static String token(String authorization) {
        return BearerToken68.token(authorization,
                () -> new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
    }
}
