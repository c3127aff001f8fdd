package com.platform.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.util.Base64URL;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A verified-token cache in front of the gateway's JWT decoder: a token whose signature was verified is not verified
 * again on each request (the gateway verified every token with RSA, and the service verifies it again, issue 13).
 * <p>
 * Invariants, each one a reason it is safe:
 * <ul>
 * <li>The key is the SHA-256 of the whole token string, and a hit also compares the whole string: a token that
 * differs in any byte (re-signed, {@code alg} swapped, another key id) is a miss and is verified in full.</li>
 * <li>Only tokens the decoder accepted (signature and every validator) are stored; a failure stores nothing.</li>
 * <li>An entry lives until the token's {@code exp} at most, and no longer than the configured maximum.</li>
 * <li>A hit runs the configured validators again (expiry and not-before against the clock, issuer, audience,
 * type), so a token that expired while cached is refused exactly as a fresh decode would refuse it.</li>
 * <li>An entry remembers the key id and thumbprint of the key that verified it; a hit requires that key in the
 * issuer's JWKS as published now ({@link EdgePublishedKeys}, fetched again every refresh interval), so a key rotated
 * out of the JWKS stops working within the refresh interval, cached or not.</li>
 * <li>The cache is bounded in size (least recently used evicted first).</li>
 * </ul>
 * Tokens without a key id or expiry are verified every time and never cached.
 */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private static final String DECODING_ERROR = "An error occurred while attempting to decode the Jwt: %s";

    /** A token the decoder accepted, with the key that verified it. */
    private record Verified(Jwt jwt, String keyId, Base64URL keyThumbprint, Instant expiresAt) {
    }

    private final ReactiveJwtDecoder verifier;
    private final EdgePublishedKeys keys;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Duration maxTimeToLive;
    private final Cache<String, Verified> cache;

    /**
     * @param verifier the full decoder (signature with keys from {@code keys}, then {@code validator})
     * @param validator the same validators the verifier applies, run again on every hit
     */
    CachingReactiveJwtDecoder(ReactiveJwtDecoder verifier, EdgePublishedKeys keys, OAuth2TokenValidator<Jwt> validator,
            Clock clock, int maximumSize, Duration maxTimeToLive) {
        this.verifier = verifier;
        this.keys = keys;
        this.validator = validator;
        this.clock = clock;
        this.maxTimeToLive = maxTimeToLive;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(clockTicker(clock))
                .expireAfter(new UntilExpiry())
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String key = sha256(token);
        Verified verified = cache.getIfPresent(key);
        if (verified == null || !verified.jwt().getTokenValue().equals(token)) {
            return verify(key, token);
        }
        return keys.isPublished(verified.keyId(), verified.keyThumbprint())
                .onErrorMap(e -> new IllegalStateException("Could not obtain the keys", e))
                .flatMap(published -> {
                    if (!published) {
                        cache.invalidate(key);
                        return verify(key, token);
                    }
                    return revalidated(key, verified.jwt());
                });
    }

    /** Entries now held (after pending evictions), for tests and metrics. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Mono<Jwt> verify(String key, String token) {
        return keys.current()
                .onErrorMap(e -> new IllegalStateException("Could not obtain the keys", e))
                .flatMap(before -> verifier.decode(token).doOnNext(jwt -> remember(key, jwt, before)));
    }

    /**
     * Stores an accepted token with the thumbprint of the key that verified it: the only key with the token's key id
     * in the JWKS the verification used (if the JWKS was fetched again meanwhile, or holds several keys under the
     * id, the token is not cached this time).
     */
    private void remember(String key, Jwt jwt, EdgePublishedKeys.Snapshot before) {
        Object keyId = jwt.getHeaders().get("kid");
        Instant expiresAt = jwt.getExpiresAt();
        if (!(keyId instanceof String id) || expiresAt == null || keys.peek() != before) {
            return;
        }
        Set<Base64URL> thumbprints = before.thumbprintsByKeyId().get(id);
        if (thumbprints == null || thumbprints.size() != 1) {
            return;
        }
        if (remaining(expiresAt) > 0) {
            cache.put(key, new Verified(jwt, id, thumbprints.iterator().next(), expiresAt));
        }
    }

    private Mono<Jwt> revalidated(String key, Jwt jwt) {
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            cache.invalidate(key);
            String description = result.getErrors().iterator().next().getDescription();
            return Mono.error(new JwtValidationException(String.format(DECODING_ERROR, description),
                    result.getErrors()));
        }
        return Mono.just(jwt);
    }

    /** Nanoseconds an entry for a token expiring at {@code expiresAt} may live from now. */
    private long remaining(Instant expiresAt) {
        long untilExpiry = Duration.between(clock.instant(), expiresAt).toNanos();
        return Math.max(0, Math.min(untilExpiry, maxTimeToLive.toNanos()));
    }

    private final class UntilExpiry implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String key, Verified value, long currentTime) {
            return remaining(value.expiresAt());
        }

        @Override
        public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
            return remaining(value.expiresAt());
        }

        @Override
        public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** Entries expire by the same clock the validators use (a test's settable clock moves both). */
    private static Ticker clockTicker(Clock clock) {
        return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
