package com.platform.starter.security;

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
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.util.Base64URL;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A verified-token cache in front of the JWT decoder: a token whose signature was verified is not verified again
 * (an RSA verification per request was a quarter of a service's CPU under load, issue 13).
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
 * issuer's JWKS as published now ({@link PublishedKeys}, fetched again every refresh interval), so a key rotated
 * out of the JWKS stops working within the refresh interval, cached or not.</li>
 * <li>The cache is bounded in size (least recently used evicted first).</li>
 * </ul>
 * Tokens without a key id or expiry are verified every time and never cached.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private static final String DECODING_ERROR = "An error occurred while attempting to decode the Jwt: %s";

    /** A token the decoder accepted, with the key that verified it. */
    private record Verified(Jwt jwt, String keyId, Base64URL keyThumbprint, Instant expiresAt) {
    }

    private final JwtDecoder verifier;
    private final PublishedKeys keys;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Duration maxTimeToLive;
    private final Cache<String, Verified> cache;

    /**
     * @param verifier the full decoder (signature with keys from {@code keys}, then {@code validator})
     * @param validator the same validators the verifier applies, run again on every hit
     */
    CachingJwtDecoder(JwtDecoder verifier, PublishedKeys keys, OAuth2TokenValidator<Jwt> validator, Clock clock,
            int maximumSize, Duration maxTimeToLive) {
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
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Verified verified = cache.getIfPresent(key);
        if (verified != null) {
            if (verified.jwt().getTokenValue().equals(token) && stillPublished(verified)) {
                return revalidated(key, verified.jwt());
            }
            cache.invalidate(key);
        }
        return verify(key, token);
    }

    /** Entries now held (after pending evictions), for tests and metrics. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Jwt verify(String key, String token) {
        PublishedKeys.Snapshot before = currentKeys();
        Jwt jwt = verifier.decode(token);
        remember(key, jwt, before);
        return jwt;
    }

    /**
     * Stores an accepted token with the thumbprint of the key that verified it: the only key with the token's key id
     * in the JWKS the verification used (if the JWKS was fetched again meanwhile, or holds several keys under the
     * id, the token is not cached this time).
     */
    private void remember(String key, Jwt jwt, PublishedKeys.Snapshot before) {
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

    private Jwt revalidated(String key, Jwt jwt) {
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            cache.invalidate(key);
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(String.format(DECODING_ERROR, description), result.getErrors());
        }
        return jwt;
    }

    private boolean stillPublished(Verified verified) {
        try {
            return keys.isPublished(verified.keyId(), verified.keyThumbprint());
        }
        catch (KeySourceException e) {
            throw new JwtException(String.format(DECODING_ERROR, e.getMessage()), e);
        }
    }

    private PublishedKeys.Snapshot currentKeys() {
        try {
            return keys.current();
        }
        catch (KeySourceException e) {
            throw new JwtException(String.format(DECODING_ERROR, e.getMessage()), e);
        }
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
