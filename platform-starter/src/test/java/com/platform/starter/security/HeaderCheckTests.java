package com.platform.starter.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The resolver accepts and refuses exactly what Spring's regular expression accepts and refuses (the pattern below is
 * copied from {@code DefaultBearerTokenResolver}, Spring Security 7.0). The header character loops are checked
 * against {@code StrictHttpFirewall}'s patterns in platform-security-core ({@code HeaderCharactersTests}).
 */
class HeaderCheckTests {

    private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @Property(tries = 3000)
    void bearerValuesAsTheResolverRegex(@ForAll("authorizations") String authorization) {
        Matcher matcher = BEARER.matcher(authorization);
        if (matcher.matches()) {
            assertThat(Token68BearerTokenResolver.token(authorization)).isEqualTo(matcher.group("token"));
        }
        else if (authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            assertThatThrownBy(() -> Token68BearerTokenResolver.token(authorization))
                    .isInstanceOf(OAuth2AuthenticationException.class);
        }
        else {
            assertThat(Token68BearerTokenResolver.token(authorization)).isNull();
        }
    }

    @Provide
    Arbitrary<String> authorizations() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Bearerx ",
                "Basic ", "", "Bearer\t", "bEaReR ");
        Arbitrary<String> token = Arbitraries.strings().withChars("aZ09-._~+/=$ \t\u0000\u00e9%\u0130")
                .ofMaxLength(12);
        return net.jqwik.api.Combinators.combine(scheme, token).as(String::concat);
    }

    @Test
    void severalAuthorizationHeadersAreRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer abc");
        request.addHeader("Authorization", "Bearer def");

        assertThatThrownBy(() -> new Token68BearerTokenResolver().resolve(request))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("multiple");
    }

    @Test
    void tokenInTheQueryOrFormIsNotRead() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/things");
        request.setParameter("access_token", "abc");

        assertThat(new Token68BearerTokenResolver().resolve(request)).isNull();
    }

    @Test
    void otherSchemesAreNotBearerTokens() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Basic dXNlcjpwYXNz");

        assertThat(new Token68BearerTokenResolver().resolve(request)).isNull();
    }
}
