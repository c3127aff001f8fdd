package com.platform.gateway.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.platform.security.core.KeySetFreshness;
import com.platform.security.core.KeySnapshot;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The issuer's published signing keys (its JWKS), fetched without blocking: again when the copy is older than the
 * refresh interval, and when a token names a key id the copy does not hold (a new key after a rotation); concurrent
 * refreshes share one request. The JWT decoder selects its verification keys here and the
 * {@link CachingReactiveJwtDecoder} asks here whether a cached token's key is still published, so both see a removed
 * key at the same moment. (Spring's own reactive JWKS source keeps the first copy until an unknown key id arrives:
 * a removed key kept working indefinitely.) A failed fetch of an expired copy fails closed: the token is refused.
 */
final class EdgePublishedKeys {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final String jwkSetUri;
    private final WebClient webClient;
    private final Clock clock;
    private final KeySetFreshness freshness;
    private volatile KeySnapshot current;
    private Mono<KeySnapshot> inFlight;

    EdgePublishedKeys(String jwkSetUri, WebClient webClient, Clock clock, Duration refreshInterval) {
        this.jwkSetUri = jwkSetUri;
        this.webClient = webClient;
        this.clock = clock;
        this.freshness = new KeySetFreshness(clock, refreshInterval);
    }

    /** The keys as published now: the copy, or a fresh one if the copy is older than the refresh interval. */
    Mono<KeySnapshot> current() {
        KeySnapshot snapshot = current;
        if (freshness.isFresh(snapshot)) {
            return Mono.just(snapshot);
        }
        return refresh(snapshot);
    }

    /** The copy as it is, without fetching (null before the first fetch). */
    KeySnapshot peek() {
        return current;
    }

    /** Whether a key with this id and thumbprint is published now. */
    Mono<Boolean> isPublished(String keyId, Base64URL thumbprint) {
        return current().map(snapshot -> snapshot.publishes(keyId, thumbprint));
    }

    /** The published keys that may verify a token with this header (fetching again once for an unknown key id). */
    Flux<JWK> select(JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        return current().flatMap(snapshot -> {
            List<JWK> matches = selector.select(snapshot.keys());
            if (snapshot.warrantsRefetch(matches, header.getKeyID())) {
                return refresh(snapshot).map(fresh -> selector.select(fresh.keys()));
            }
            return Mono.just(matches);
        }).flatMapMany(Flux::fromIterable);
    }

    /** Fetches again unless another caller replaced {@code seen} meanwhile or a fetch is under way. */
    private synchronized Mono<KeySnapshot> refresh(KeySnapshot seen) {
        KeySnapshot snapshot = current;
        if (freshness.replacedMeanwhile(snapshot, seen)) {
            return Mono.just(snapshot);
        }
        if (inFlight != null) {
            return inFlight;
        }
        Mono<KeySnapshot>[] self = new Mono[1];
        Mono<KeySnapshot> fetch = webClient.get().uri(jwkSetUri)
                .accept(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/jwk-set+json"))
                .retrieve()
                .bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(body -> snapshot(parse(body), clock.instant()))
                .doOnNext(fetched -> current = fetched)
                .doFinally(signal -> fetched(self[0]))
                .cache();
        self[0] = fetch;
        inFlight = fetch;
        return fetch;
    }

    private synchronized void fetched(Mono<KeySnapshot> fetch) {
        if (inFlight == fetch) {
            inFlight = null;
        }
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        }
        catch (ParseException e) {
            throw new IllegalStateException("Malformed JWK set", e);
        }
    }

    /** The snapshot of a fetched JWKS; a key whose thumbprint cannot be computed fails the fetch. */
    private static KeySnapshot snapshot(JWKSet keys, Instant fetchedAt) {
        try {
            return KeySnapshot.of(keys, fetchedAt);
        }
        catch (KeySourceException e) {
            throw new IllegalStateException(e.getMessage(), e.getCause());
        }
    }
}
