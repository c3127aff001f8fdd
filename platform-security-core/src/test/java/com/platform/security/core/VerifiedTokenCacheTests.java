package com.platform.security.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.platform.security.core.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the cache stores and for how long, without a decoder around it (the starter's and the gateway's cache tests
 * drive the same rules through real tokens and an issuer).
 */
class VerifiedTokenCacheTests {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private RSAKey signingKey;
    private KeySnapshot keys;
    private boolean refuse;
    private final OAuth2TokenValidator<Jwt> validator = jwt -> refuse
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is refused", null))
            : OAuth2TokenValidatorResult.success();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(validator, clock, 3, Duration.ofMinutes(10));

    @BeforeEach
    void keys() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("k1").generate().toPublicJWK();
        keys = KeySnapshot.of(new JWKSet(signingKey), clock.instant());
    }

    private Jwt jwt(String value, String keyId, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue(value).header("alg", "RS256").subject("someone");
        if (keyId != null) {
            builder.header("kid", keyId);
        }
        if (expiresAt != null) {
            builder.expiresAt(expiresAt);
        }
        return builder.build();
    }

    private String remember(String value, String keyId, Instant expiresAt) {
        String key = VerifiedTokenCache.key(value);
        cache.remember(key, jwt(value, keyId, expiresAt), keys, keys);
        return key;
    }

    @Test
    void theKeyIsTheSha256OfTheWholeToken() {
        assertThat(VerifiedTokenCache.key("abc")).isEqualTo("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
        assertThat(VerifiedTokenCache.key("abd")).isNotEqualTo(VerifiedTokenCache.key("abc"));
    }

    @Test
    void remembersTheTokenWithTheThumbprintOfItsKey() throws Exception {
        String key = remember("t1", "k1", clock.instant().plusSeconds(60));

        VerifiedTokenCache.Entry entry = cache.get(key);
        assertThat(entry.keyId()).isEqualTo("k1");
        assertThat(entry.keyThumbprint()).isEqualTo(signingKey.computeThumbprint());
        assertThat(entry.isFor("t1")).isTrue();
        assertThat(entry.isFor("t2")).isFalse();
    }

    @Test
    void cachesNothingWithoutKeyIdOrExpiryOrForAnUnknownOrAmbiguousKey() throws Exception {
        assertThat(cache.get(remember("no-kid", null, clock.instant().plusSeconds(60)))).isNull();
        assertThat(cache.get(remember("no-exp", "k1", null))).isNull();
        assertThat(cache.get(remember("unknown-kid", "k2", clock.instant().plusSeconds(60)))).isNull();
        assertThat(cache.get(remember("expired", "k1", clock.instant()))).isNull();

        keys = KeySnapshot.of(new JWKSet(List.of(signingKey,
                new RSAKeyGenerator(2048).keyID("k1").generate().toPublicJWK())), clock.instant());
        assertThat(cache.get(remember("two-keys-under-kid", "k1", clock.instant().plusSeconds(60)))).isNull();
    }

    @Test
    void cachesNothingWhenTheKeysWereFetchedAgainDuringTheVerification() throws Exception {
        KeySnapshot refetched = KeySnapshot.of(keys.keys(), clock.instant());
        String key = VerifiedTokenCache.key("t1");

        cache.remember(key, jwt("t1", "k1", clock.instant().plusSeconds(60)), keys, refetched);

        assertThat(cache.get(key)).isNull();
    }

    @Test
    void anEntryLivesUntilTheTokensExpiry() {
        String key = remember("t1", "k1", clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.get(key)).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void anEntryLivesNoLongerThanTheMaximumTimeToLive() {
        String key = remember("t1", "k1", clock.instant().plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(cache.get(key)).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void aHitTheValidatorsRefuseNowIsDropped() {
        String key = remember("t1", "k1", clock.instant().plusSeconds(60));
        Jwt jwt = cache.get(key).jwt();
        assertThat(cache.revalidated(key, jwt)).isSameAs(jwt);

        refuse = true;
        assertThatThrownBy(() -> cache.revalidated(key, jwt))
                .isInstanceOf(JwtValidationException.class)
                .hasMessage("An error occurred while attempting to decode the Jwt: The token is refused");
        assertThat(cache.get(key)).isNull();
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < 10; i++) {
            remember("t" + i, "k1", clock.instant().plusSeconds(60));
        }

        assertThat(cache.size()).isBetween(1L, 3L);
    }
}
