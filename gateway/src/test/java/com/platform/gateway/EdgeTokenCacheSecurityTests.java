package com.platform.gateway;

import java.net.URI;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.platform.gateway.security.Forgeries;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Through the running gateway: tampered copies of a token it already accepted (cache warm) are still refused. */
class EdgeTokenCacheSecurityTests extends GatewayIntegrationTest {

    @Autowired
    private ReactiveJwtDecoder jwtDecoder;

    private String acceptedTwice() {
        String token = freshUserToken();
        for (int i = 0; i < 2; i++) {
            client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + token).exchange()
                    .expectStatus().isOk();
        }
        return token;
    }

    private void expectUnauthorized(String authorization) {
        client().get().uri("/api/v1/users/me").header("Authorization", authorization).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theGatewayDecodesThroughTheVerifiedTokenCache() {
        assertThat(jwtDecoder.getClass().getSimpleName()).isEqualTo("CachingReactiveJwtDecoder");
    }

    @Test
    void tamperedCopiesOfAWarmTokenAreUnauthorized() throws Exception {
        String token = acceptedTwice();
        RSAKey publicKey = (RSAKey) JWKSet.load(URI.create(tokens.issuer() + "/protocol/openid-connect/certs").toURL())
                .getKeys().get(0);

        expectUnauthorized("Bearer " + Forgeries.resignedByForeignKey(token));
        expectUnauthorized("Bearer " + Forgeries.withoutSignature(token));
        expectUnauthorized("Bearer " + Forgeries.hmacSignedWithPublicKey(token, publicKey));
        expectUnauthorized("Bearer " + Forgeries.signedWithUnknownKeyId(token));
    }

    @Test
    void aNonToken68CharacterIsUnauthorized() {
        String token = acceptedTwice();
        expectUnauthorized("Bearer " + token.substring(0, 20) + "$" + token.substring(21));
    }

    @Test
    void severalAuthorizationHeadersAreUnauthorized() {
        String token = acceptedTwice();
        client().get().uri("/api/v1/users/me").header("Authorization", "Bearer " + token, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenInTheQueryStringIsNotRead() {
        client().get().uri("/api/v1/users/me?access_token=" + acceptedTwice()).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("Authentication is required.");
    }
}
