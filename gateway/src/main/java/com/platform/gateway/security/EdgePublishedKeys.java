package com.platform.gateway.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;

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

    /** One fetched JWKS with the thumbprints of its keys by key id. */
    record Snapshot(JWKSet keys, Instant fetchedAt, Map<String, Set<Base64URL>> thumbprintsByKeyId) {
    }

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final String jwkSetUri;
    private final WebClient webClient;
    private final Clock clock;
    private final Duration refreshInterval;
    private volatile Snapshot current;
    private Mono<Snapshot> inFlight;

    EdgePublishedKeys(String jwkSetUri, WebClient webClient, Clock clock, Duration refreshInterval) {
        this.jwkSetUri = jwkSetUri;
        this.webClient = webClient;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /** The keys as published now: the copy, or a fresh one if the copy is older than the refresh interval. */
    Mono<Snapshot> current() {
        Snapshot snapshot = current;
        if (snapshot != null && fresh(snapshot)) {
            return Mono.just(snapshot);
        }
        return refresh(snapshot);
    }

    /** The copy as it is, without fetching (null before the first fetch). */
    Snapshot peek() {
        return current;
    }

    /** Whether a key with this id and thumbprint is published now. */
    Mono<Boolean> isPublished(String keyId, Base64URL thumbprint) {
        return current().map(snapshot -> {
            Set<Base64URL> thumbprints = snapshot.thumbprintsByKeyId().get(keyId);
            return thumbprints != null && thumbprints.contains(thumbprint);
        });
    }

    /** The published keys that may verify a token with this header (fetching again once for an unknown key id). */
    Flux<JWK> select(JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        return current().flatMap(snapshot -> {
            List<JWK> matches = selector.select(snapshot.keys());
            String keyId = header.getKeyID();
            if (matches.isEmpty() && keyId != null && snapshot.keys().getKeyByKeyId(keyId) == null) {
                return refresh(snapshot).map(fresh -> selector.select(fresh.keys()));
            }
            return Mono.just(matches);
        }).flatMapMany(Flux::fromIterable);
    }

    private boolean fresh(Snapshot snapshot) {
        return clock.instant().isBefore(snapshot.fetchedAt().plus(refreshInterval));
    }

    /** Fetches again unless another caller replaced {@code seen} meanwhile or a fetch is under way. */
    private synchronized Mono<Snapshot> refresh(Snapshot seen) {
        Snapshot snapshot = current;
        if (snapshot != null && snapshot != seen && fresh(snapshot)) {
            return Mono.just(snapshot);
        }
        if (inFlight != null) {
            return inFlight;
        }
        Mono<Snapshot>[] self = new Mono[1];
        Mono<Snapshot> fetch = webClient.get().uri(jwkSetUri)
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

    private synchronized void fetched(Mono<Snapshot> fetch) {
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

    static Snapshot snapshot(JWKSet keys, Instant fetchedAt) {
        Map<String, Set<Base64URL>> thumbprints = new HashMap<>();
        for (JWK key : keys.getKeys()) {
            if (key.getKeyID() == null) {
                continue;
            }
            try {
                thumbprints.computeIfAbsent(key.getKeyID(), id -> new HashSet<>()).add(key.computeThumbprint());
            }
            catch (JOSEException e) {
                throw new IllegalStateException("Couldn't compute the thumbprint of key " + key.getKeyID(), e);
            }
        }
        thumbprints.replaceAll((id, set) -> Set.copyOf(set));
        return new Snapshot(keys, fetchedAt, Map.copyOf(thumbprints));
    }
}
