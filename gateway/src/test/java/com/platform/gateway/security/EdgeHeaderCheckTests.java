package com.platform.gateway.security;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The converter accepts and refuses exactly what Spring's regular expression accepts and refuses (pattern copied from
 * {@code ServerBearerTokenAuthenticationConverter}, Spring Security 7.0), over many random strings drawn from the
 * characters where they could differ (seeded: a failure repeats). The header character loops are checked against
 * {@code StrictServerWebExchangeFirewall}'s patterns in platform-security-core ({@code HeaderCharactersTests}).
 */
class EdgeHeaderCheckTests {

    private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);
    private static final String[] SCHEMES = {"Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Bearerx ",
        "Basic ", "", "Bearer\t", "bEaReR "};
    private static final String TOKEN_CHARS = "aZ09-._~+/=$ \t\u0000\u00e9%\u0130";

    private final Random random = new Random(13);

    private String randomString(String alphabet, int maxLength) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void bearerValuesAsTheConverterRegex() {
        for (int i = 0; i < 20_000; i++) {
            String authorization = SCHEMES[random.nextInt(SCHEMES.length)] + randomString(TOKEN_CHARS, 12);
            Matcher matcher = BEARER.matcher(authorization);
            if (matcher.matches()) {
                assertThat(Token68BearerTokenConverter.token(authorization)).isEqualTo(matcher.group("token"));
            }
            else if (authorization.regionMatches(true, 0, "bearer", 0, 6)) {
                assertThatThrownBy(() -> Token68BearerTokenConverter.token(authorization)).as(authorization)
                        .isInstanceOf(OAuth2AuthenticationException.class);
            }
            else {
                assertThat(Token68BearerTokenConverter.token(authorization)).as(authorization).isNull();
            }
        }
    }

    @Test
    void severalAuthorizationHeadersAreRefused() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/users/me")
                .header("Authorization", "Bearer abc", "Bearer def"));

        assertThatThrownBy(() -> new Token68BearerTokenConverter().convert(exchange).block())
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void tokenInTheQueryIsNotRead() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/users/me?access_token=abc"));

        assertThat(new Token68BearerTokenConverter().convert(exchange).block()).isNull();
    }
}
