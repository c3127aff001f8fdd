package com.platform.starter.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.platform.security.core.testing.SettableClock;
import com.platform.testsupport.TestTokens;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verified-token cache refuses, with the cache warm (the genuine token accepted first), every token a fresh
 * decode would refuse. The decoder is built exactly as the auto-configuration builds it, against an issuer of its
 * own (so that rotating its keys disturbs no other test) and a clock the test moves.
 */
class VerifiedTokenCacheTests {

    private static final Duration JWKS_REFRESH = Duration.ofMinutes(1);

    private final TestTokens issuer = TestTokens.newIssuer();
    private final SettableClock clock = new SettableClock(Instant.now());
    private JwtDecoder decoder;

    @BeforeEach
    void decoder() {
        decoder = decoder(new TokenCacheProperties(true, 100, Duration.ofMinutes(10), JWKS_REFRESH));
    }

    @AfterEach
    void stopIssuer() {
        issuer.stop();
    }

    private JwtDecoder decoder(TokenCacheProperties cache) {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties.Jwt();
        jwt.setJwkSetUri(issuer.jwkSetUri());
        jwt.setIssuerUri(issuer.issuer());
        jwt.setAudiences(List.of(TestTokens.AUDIENCE));
        return VerifiedTokenAutoConfiguration.decoder(jwt, List.of(), cache, clock);
    }

    /** A valid token, accepted once so that it is in the cache. */
    private String warm(String token) {
        Jwt first = decoder.decode(token);
        assertThat(decoder.decode(token)).as("second decode is a cache hit").isSameAs(first);
        return token;
    }

    /** Valid for four more minutes (the issuer makes tokens valid for five minutes before their expiry). */
    private String valid() {
        return issuer.builder().roles("user").expiresAt(clock.instant().plus(Duration.ofMinutes(4))).build();
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aHitReturnsTheVerifiedTokenWithTheSameAuthorities() {
        String token = issuer.builder().subject("subject-1").roles("user", "auditor").build();
        Jwt first = decoder.decode(token);
        Jwt hit = decoder.decode(token);

        assertThat(hit).isSameAs(first);
        assertThat(KeycloakJwtConverter.authorities(hit)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_user", "ROLE_auditor")
                .containsExactlyElementsOf(KeycloakJwtConverter.authorities(first).stream()
                        .map(GrantedAuthority::getAuthority).toList());
        assertThat(hit.getSubject()).isEqualTo("subject-1");
    }

    @Test
    void expiredTokenIsRefusedWithTheCacheWarm() {
        String token = warm(issuer.builder().roles("user").expiresAt(clock.instant().plusSeconds(120)).build());

        // past exp and Spring's 60 s clock skew
        clock.advance(Duration.ofSeconds(120 + 61));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void tokenWithinTheClockSkewAfterExpiryIsAcceptedAsWithoutCache() {
        String token = warm(issuer.builder().roles("user").expiresAt(clock.instant().plusSeconds(120)).build());

        clock.advance(Duration.ofSeconds(120 + 30));

        assertThat(decoder.decode(token).getTokenValue()).isEqualTo(token);
    }

    @Test
    void aHitChecksTheTimestampsAgainstTheClock() {
        // not before 30 s from now: accepted within Spring's 60 s clock skew, and cached
        String token = warm(issuer.builder().roles("user").expiresAt(clock.instant().plusSeconds(330)).build());

        // the clock is stepped back (an NTP correction): the cached token is now 90 s before its not-before
        clock.advance(Duration.ofMinutes(-2));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("used before");
    }

    @Test
    void reSignedTokenIsRefusedWithTheCacheWarm() {
        String token = warm(valid());

        assertRefused(issuer.resignedByForeignKey(token));
        assertThat(decoder.decode(token).getTokenValue()).as("the genuine token still works").isEqualTo(token);
    }

    @Test
    void algNoneTokenIsRefusedWithTheCacheWarm() {
        String token = warm(valid());

        assertRefused(issuer.withoutSignature(token));
    }

    @Test
    void hmacTokenSignedWithThePublicKeyIsRefusedWithTheCacheWarm() {
        String token = warm(valid());

        assertRefused(issuer.hmacSignedWithPublicKey(token));
    }

    @Test
    void unknownKeyIdIsRefusedWithTheCacheWarm() {
        String token = warm(valid());

        assertRefused(issuer.signedWithUnknownKeyId(token));
    }

    @Test
    void failedTokenIsNeverCached() {
        String forged = issuer.resignedByForeignKey(valid());

        assertRefused(forged);
        assertRefused(forged);
    }

    @Test
    void tokenOfAKeyRemovedFromTheJwksStopsWorkingWithinTheRefreshInterval() {
        String token = warm(valid());
        int fetches = issuer.jwksRequests();

        issuer.rotateKeys();
        // the copy of the JWKS is still the old one: within the refresh interval the token may still work
        assertThat(decoder.decode(token).getTokenValue()).isEqualTo(token);

        clock.advance(JWKS_REFRESH);

        assertRefused(token);
        assertThat(issuer.jwksRequests()).as("the JWKS was fetched again").isGreaterThan(fetches);
        String signedByTheNewKey = valid();
        assertThat(decoder.decode(signedByTheNewKey).getTokenValue()).isEqualTo(signedByTheNewKey);
    }

    @Test
    void tokenOfARemovedKeyStopsWorkingAsSoonAsATokenOfTheNewKeyRefreshedTheJwks() {
        String token = warm(valid());

        issuer.rotateKeys();
        String signedByTheNewKey = valid();
        assertThat(decoder.decode(signedByTheNewKey).getTokenValue()).isEqualTo(signedByTheNewKey);

        assertRefused(token);
    }

    @Test
    void entryNeverOutlivesTheMaximumTimeToLive() {
        decoder = decoder(new TokenCacheProperties(true, 100, Duration.ofMinutes(1), JWKS_REFRESH));
        String token = valid();
        Jwt first = decoder.decode(token);
        assertThat(decoder.decode(token)).isSameAs(first);

        clock.advance(Duration.ofSeconds(61));

        Jwt again = decoder.decode(token);
        assertThat(again).as("verified again, not served from the cache").isNotSameAs(first);
        assertThat(again.getTokenValue()).isEqualTo(token);
    }

    @Test
    void cacheIsBoundedInSize() {
        CachingJwtDecoder bounded = (CachingJwtDecoder) decoder(
                new TokenCacheProperties(true, 3, Duration.ofMinutes(10), JWKS_REFRESH));
        List<String> tokens = IntStream.range(0, 10).mapToObj(i -> valid()).toList();

        tokens.forEach(bounded::decode);

        assertThat(bounded.size()).isBetween(1L, 3L);
    }

    @Test
    void disabledCacheVerifiesEveryTime() {
        decoder = decoder(new TokenCacheProperties(false, 100, Duration.ofMinutes(10), JWKS_REFRESH));
        String token = valid();

        assertThat(decoder).isNotInstanceOf(CachingJwtDecoder.class);
        assertThat(decoder.decode(token)).isNotSameAs(decoder.decode(token));
    }
}
