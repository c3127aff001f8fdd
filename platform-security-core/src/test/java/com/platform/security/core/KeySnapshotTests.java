package com.platform.security.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a fetched JWKS publishes, and when it is fetched again. */
class KeySnapshotTests {

    private static final Instant FETCHED = Instant.parse("2026-01-01T10:00:00Z");

    private static RSAKey key(String keyId) throws JOSEException {
        RSAKeyGenerator generator = new RSAKeyGenerator(2048);
        if (keyId != null) {
            generator.keyID(keyId);
        }
        return generator.generate().toPublicJWK();
    }

    @Test
    void publishesAKeyByIdAndThumbprintOnly() throws Exception {
        RSAKey one = key("one");
        RSAKey other = key("other");
        KeySnapshot snapshot = KeySnapshot.of(new JWKSet(List.of(one, key(null))), FETCHED);

        assertThat(snapshot.publishes("one", one.computeThumbprint())).isTrue();
        assertThat(snapshot.publishes("one", other.computeThumbprint())).as("same id, another key").isFalse();
        assertThat(snapshot.publishes("other", other.computeThumbprint())).isFalse();
        assertThat(snapshot.thumbprintsByKeyId()).containsOnlyKeys("one");
    }

    @Test
    void keepsEveryThumbprintUnderAnIdThatSeveralKeysShare() throws Exception {
        RSAKey first = key("shared");
        RSAKey second = key("shared");
        KeySnapshot snapshot = KeySnapshot.of(new JWKSet(List.<JWK>of(first, second)), FETCHED);

        assertThat(snapshot.thumbprintsByKeyId().get("shared"))
                .containsExactlyInAnyOrder(first.computeThumbprint(), second.computeThumbprint());
    }

    @Test
    void fetchesAgainOnlyForAKeyIdItDoesNotHold() throws Exception {
        KeySnapshot snapshot = KeySnapshot.of(new JWKSet(key("one")), FETCHED);

        assertThat(snapshot.warrantsRefetch(List.of(), "new")).isTrue();
        assertThat(snapshot.warrantsRefetch(List.of(), "one")).as("held, other algorithm or use").isFalse();
        assertThat(snapshot.warrantsRefetch(List.of(), null)).isFalse();
        assertThat(snapshot.warrantsRefetch(snapshot.keys().getKeys(), "new")).isFalse();
    }

    @Test
    void aCopyIsFreshForTheRefreshInterval() throws Exception {
        KeySnapshot snapshot = KeySnapshot.of(new JWKSet(key("one")), FETCHED);
        Duration interval = Duration.ofMinutes(5);

        assertThat(freshness(FETCHED.plusSeconds(299), interval).isFresh(snapshot)).isTrue();
        assertThat(freshness(FETCHED.plusSeconds(300), interval).isFresh(snapshot)).isFalse();
        assertThat(freshness(FETCHED, interval).isFresh(null)).isFalse();
    }

    @Test
    void aStaleCallerUsesTheCopyAnotherCallerFetchedMeanwhile() throws Exception {
        KeySnapshot stale = KeySnapshot.of(new JWKSet(key("one")), FETCHED);
        KeySnapshot fetched = KeySnapshot.of(new JWKSet(key("one")), FETCHED.plusSeconds(400));
        KeySetFreshness freshness = freshness(FETCHED.plusSeconds(401), Duration.ofMinutes(5));

        assertThat(freshness.replacedMeanwhile(fetched, stale)).isTrue();
        assertThat(freshness.replacedMeanwhile(stale, stale)).isFalse();
        assertThat(freshness.replacedMeanwhile(null, null)).isFalse();
    }

    private static KeySetFreshness freshness(Instant now, Duration interval) {
        return new KeySetFreshness(Clock.fixed(now, ZoneOffset.UTC), interval);
    }
}
