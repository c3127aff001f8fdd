package com.platform.gateway.security;

import java.time.Clock;
import java.time.Duration;

import com.platform.security.core.VerifiedTokenCache;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A verified-token cache in front of the gateway's JWT decoder: a token whose signature was verified is not verified
 * again on each request (the gateway verified every token with RSA, and the service verifies it again, issue 13).
 * The invariants that make it safe are {@link VerifiedTokenCache}'s (platform-security-core, shared with the
 * starter); this adapter looks up, verifies with the reactive decoder and asks {@link EdgePublishedKeys}, without
 * blocking, whether a cached token's key is still published.
 */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final EdgePublishedKeys keys;
    private final VerifiedTokenCache cache;

    /**
     * @param verifier the full decoder (signature with keys from {@code keys}, then {@code validator})
     * @param validator the same validators the verifier applies, run again on every hit
     */
    CachingReactiveJwtDecoder(ReactiveJwtDecoder verifier, EdgePublishedKeys keys, OAuth2TokenValidator<Jwt> validator,
            Clock clock, int maximumSize, Duration maxTimeToLive) {
        this.verifier = verifier;
        this.keys = keys;
        this.cache = new VerifiedTokenCache(validator, clock, maximumSize, maxTimeToLive);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String key = VerifiedTokenCache.key(token);
        VerifiedTokenCache.Entry verified = cache.get(key);
        if (verified == null || !verified.isFor(token)) {
            return verify(key, token);
        }
        return keys.isPublished(verified.keyId(), verified.keyThumbprint())
                .onErrorMap(e -> new IllegalStateException("Could not obtain the keys", e))
                .flatMap(published -> {
                    if (!published) {
                        cache.invalidate(key);
                        return verify(key, token);
                    }
                    return Mono.fromCallable(() -> cache.revalidated(key, verified.jwt()));
                });
    }

    /** Entries now held (after pending evictions), for tests and metrics. */
    long size() {
        return cache.size();
    }

    private Mono<Jwt> verify(String key, String token) {
        return keys.current()
                .onErrorMap(e -> new IllegalStateException("Could not obtain the keys", e))
                .flatMap(before -> verifier.decode(token)
                        .doOnNext(jwt -> cache.remember(key, jwt, before, keys.peek())));
    }
}
