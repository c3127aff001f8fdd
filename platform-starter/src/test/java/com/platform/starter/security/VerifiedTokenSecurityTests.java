package com.platform.starter.security;

import com.platform.starter.StarterIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.HttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Through the whole filter chain of a service: the cached decoder and the loop-based header checks are in place. */
class VerifiedTokenSecurityTests extends StarterIntegrationTest {

    private static final String MINE = "/api/v1/things/mine";

    @Autowired
    private JwtDecoder jwtDecoder;

    @Autowired
    private HttpFirewall firewall;

    @Autowired
    private BearerTokenResolver bearerTokenResolver;

    @Test
    void servicesGetTheCachedDecoderAndTheLoopHeaderChecks() {
        assertThat(jwtDecoder).isInstanceOf(CachingJwtDecoder.class);
        assertThat(bearerTokenResolver).isInstanceOf(Token68BearerTokenResolver.class);
        assertThat(firewall).isNotNull();
    }

    private String acceptedTwice() throws Exception {
        String token = tokens.user("subject-warm", "user");
        for (int i = 0; i < 2; i++) {
            mvc.perform(get(MINE).header("Authorization", bearer(token)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.subject").value("subject-warm"));
        }
        return token;
    }

    private void expectUnauthorized(String token) throws Exception {
        mvc.perform(get(MINE).header("Authorization", bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
    }

    @Test
    void tamperedCopiesOfAWarmTokenAreUnauthorized() throws Exception {
        String token = acceptedTwice();

        expectUnauthorized(tokens.resignedByForeignKey(token));
        expectUnauthorized(tokens.withoutSignature(token));
        expectUnauthorized(tokens.hmacSignedWithPublicKey(token));
        expectUnauthorized(tokens.signedWithUnknownKeyId(token));
    }

    @Test
    void aControlCharacterInTheAuthorizationHeaderIsRejectedByTheFirewall() throws Exception {
        mvc.perform(get(MINE).header("Authorization", bearer(acceptedTwice()) + "\u0007"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aNonToken68CharacterIsUnauthorized() throws Exception {
        String token = acceptedTwice();
        mvc.perform(get(MINE).header("Authorization", "Bearer " + token.substring(0, 20) + "$" + token.substring(21)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void severalAuthorizationHeadersAreUnauthorized() throws Exception {
        String token = acceptedTwice();
        mvc.perform(get(MINE).header("Authorization", bearer(token), bearer(token)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenInTheQueryStringIsNotRead() throws Exception {
        mvc.perform(get(MINE).queryParam("access_token", acceptedTwice()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Authentication is required."));
    }
}
