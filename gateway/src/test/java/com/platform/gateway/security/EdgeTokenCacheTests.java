package com.platform.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.platform.security.core.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's verified-token cache refuses, with the cache warm (the genuine token accepted first), every token a
 * fresh decode would refuse. The decoder is built exactly as the gateway builds it, against an issuer of its own
 * (rotating its keys disturbs no other test) and a clock the test moves.
 */
class EdgeTokenCacheTests {

    private static final Duration JWKS_REFRESH = Duration.ofMinutes(1);

    private final RotatingIssuer issuer = new RotatingIssuer();
    private final SettableClock clock = new SettableClock(Instant.now());
    private ReactiveJwtDecoder decoder;

    @BeforeEach
    void decoder() {
        decoder = decoder(new EdgeTokenCacheProperties(true, 100, Duration.ofMinutes(10), JWKS_REFRESH));
    }

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    private ReactiveJwtDecoder decoder(EdgeTokenCacheProperties cache) {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties.Jwt();
        jwt.setJwkSetUri(issuer.jwkSetUri());
        jwt.setIssuerUri(issuer.issuer());
        jwt.setAudiences(List.of(RotatingIssuer.AUDIENCE));
        return EdgeTokenConfiguration.decoder(jwt, List.of(), cache, clock, WebClient.create());
    }

    private Jwt decode(String token) {
        return decoder.decode(token).block(Duration.ofSeconds(10));
    }

    /** Valid for four more minutes. */
    private String valid() {
        return issuer.token(clock.instant().plus(Duration.ofMinutes(4)), "user");
    }

    private String warm(String token) {
        Jwt first = decode(token);
        assertThat(decode(token)).as("second decode is a cache hit").isSameAs(first);
        return token;
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aHitReturnsTheVerifiedTokenWithTheSameAuthorities() {
        String token = valid();
        Jwt first = decode(token);
        Jwt hit = decode(token);

        assertThat(hit).isSameAs(first);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        assertThat(converter.convert(hit).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("SCOPE_openid", "SCOPE_profile")
                .containsExactlyInAnyOrderElementsOf(converter.convert(first).getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority).toList());
    }

    @Test
    void expiredTokenIsRefusedWithTheCacheWarm() {
        String token = warm(issuer.token(clock.instant().plusSeconds(120), "user"));

        clock.advance(Duration.ofSeconds(120 + 61));

        assertThatThrownBy(() -> decode(token)).isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
    }

    @Test
    void aHitChecksTheTimestampsAgainstTheClock() {
        // not before 30 s from now: accepted within Spring's 60 s clock skew, and cached
        String token = warm(issuer.token(clock.instant().plusSeconds(330), "user"));

        // the clock is stepped back (an NTP correction): the cached token is now 90 s before its not-before
        clock.advance(Duration.ofMinutes(-2));

        assertThatThrownBy(() -> decode(token)).isInstanceOf(BadJwtException.class).hasMessageContaining("used before");
    }

    @Test
    void reSignedTokenIsRefusedWithTheCacheWarm() {
        String token = warm(valid());

        assertRefused(Forgeries.resignedByForeignKey(token));
        assertThat(decode(token).getTokenValue()).as("the genuine token still works").isEqualTo(token);
    }

    @Test
    void algNoneTokenIsRefusedWithTheCacheWarm() {
        assertRefused(Forgeries.withoutSignature(warm(valid())));
    }

    @Test
    void hmacTokenSignedWithThePublicKeyIsRefusedWithTheCacheWarm() {
        assertRefused(Forgeries.hmacSignedWithPublicKey(warm(valid()), issuer.publicKey()));
    }

    @Test
    void unknownKeyIdIsRefusedWithTheCacheWarm() {
        assertRefused(Forgeries.signedWithUnknownKeyId(warm(valid())));
    }

    @Test
    void failedTokenIsNeverCached() {
        String forged = Forgeries.resignedByForeignKey(valid());

        assertRefused(forged);
        assertRefused(forged);
    }

    @Test
    void tokenOfAKeyRemovedFromTheJwksStopsWorkingWithinTheRefreshInterval() {
        String token = warm(valid());
        int fetches = issuer.jwksRequests();

        issuer.rotateKeys();
        assertThat(decode(token).getTokenValue()).as("within the refresh interval").isEqualTo(token);

        clock.advance(JWKS_REFRESH);

        assertRefused(token);
        assertThat(issuer.jwksRequests()).as("the JWKS was fetched again").isGreaterThan(fetches);
        String signedByTheNewKey = valid();
        assertThat(decode(signedByTheNewKey).getTokenValue()).isEqualTo(signedByTheNewKey);
    }

    @Test
    void tokenOfARemovedKeyStopsWorkingAsSoonAsATokenOfTheNewKeyRefreshedTheJwks() {
        String token = warm(valid());

        issuer.rotateKeys();
        String signedByTheNewKey = valid();
        assertThat(decode(signedByTheNewKey).getTokenValue()).isEqualTo(signedByTheNewKey);

        assertRefused(token);
    }

    @Test
    void entryNeverOutlivesTheMaximumTimeToLive() {
        decoder = decoder(new EdgeTokenCacheProperties(true, 100, Duration.ofMinutes(1), JWKS_REFRESH));
        String token = valid();
        Jwt first = decode(token);
        assertThat(decode(token)).isSameAs(first);

        clock.advance(Duration.ofSeconds(61));

        Jwt again = decode(token);
        assertThat(again).as("verified again, not served from the cache").isNotSameAs(first);
        assertThat(again.getTokenValue()).isEqualTo(token);
    }

    @Test
    void cacheIsBoundedInSize() {
        decoder = decoder(new EdgeTokenCacheProperties(true, 3, Duration.ofMinutes(10), JWKS_REFRESH));
        IntStream.range(0, 10).mapToObj(i -> valid()).forEach(this::decode);

        assertThat(((CachingReactiveJwtDecoder) decoder).size()).isBetween(1L, 3L);
    }

    @Test
    void disabledCacheVerifiesEveryTime() {
        decoder = decoder(new EdgeTokenCacheProperties(false, 100, Duration.ofMinutes(10), JWKS_REFRESH));
        String token = valid();

        assertThat(decoder).isNotInstanceOf(CachingReactiveJwtDecoder.class);
        assertThat(decode(token)).isNotSameAs(decode(token));
    }
}
