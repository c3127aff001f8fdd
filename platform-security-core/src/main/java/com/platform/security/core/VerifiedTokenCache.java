package com.platform.security.core;

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

/**
 * The core of a verified-token cache in front of a JWT decoder: a token whose signature was verified is not verified
 * again (an RSA verification per request was a quarter of a service's CPU under load, issue 13). The decoders around
 * it (servlet and reactive) only decide when to look up, verify and remember.
 * <p>
 * Invariants, each one a reason it is safe:
 * <ul>
 * <li>The key is the SHA-256 of the whole token string ({@link #key}), and a hit also compares the whole string
 * ({@link Entry#isFor}): a token that differs in any byte (re-signed, {@code alg} swapped, another key id) is a miss
 * and is verified in full.</li>
 * <li>Only tokens the decoder accepted (signature and every validator) are stored ({@link #remember}); a failure
 * stores nothing.</li>
 * <li>An entry lives until the token's {@code exp} at most, and no longer than the configured maximum.</li>
 * <li>A hit runs the configured validators again ({@link #revalidated}: expiry and not-before against the clock,
 * issuer, audience, type), so a token that expired while cached is refused exactly as a fresh decode would refuse
 * it.</li>
 * <li>An entry remembers the key id and thumbprint of the key that verified it; the decoder accepts a hit only while
 * that key is in the issuer's JWKS as published now ({@link KeySnapshot#publishes}, fetched again every refresh
 * interval), so a key rotated out of the JWKS stops working within the refresh interval, cached or not.</li>
 * <li>The cache is bounded in size (least recently used evicted first).</li>
 * </ul>
 * Tokens without a key id or expiry are verified every time and never cached.
 */
public final class VerifiedTokenCache {

    private static final String DECODING_ERROR = "An error occurred while attempting to decode the Jwt: %s";

    /** A token the decoder accepted, with the key that verified it. */
    public record Entry(Jwt jwt, String keyId, Base64URL keyThumbprint, Instant expiresAt) {

        /** Whether this entry is for exactly this token string (not merely one with the same digest). */
        public boolean isFor(String token) {
            return jwt.getTokenValue().equals(token);
        }
    }

    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Duration maxTimeToLive;
    private final Cache<String, Entry> cache;

    /**
     * @param validator the same validators the full decoder applies, run again on every hit
     * @param clock the clock of the validators; entries expire by it too
     */
    public VerifiedTokenCache(OAuth2TokenValidator<Jwt> validator, Clock clock, int maximumSize,
            Duration maxTimeToLive) {
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

    /** The cache key of a token: the Base64 of the SHA-256 of its UTF-8 bytes. */
    public static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    /** The message Spring's decoders give a decoding failure, for the adapters' own exceptions. */
    public static String decodingError(String detail) {
        return String.format(DECODING_ERROR, detail);
    }

    /** The entry under this key, null if none (the caller checks {@link Entry#isFor} and the key). */
    public Entry get(String key) {
        return cache.getIfPresent(key);
    }

    public void invalidate(String key) {
        cache.invalidate(key);
    }

    /**
     * Stores an accepted token with the thumbprint of the key that verified it: the only key with the token's key id
     * in {@code before}, the JWKS the verification used. Nothing is stored if the JWKS was fetched again meanwhile
     * ({@code now} is not {@code before}), if it holds no key or several keys under the id, if the token has no key
     * id or expiry, or if it expires now.
     */
    public void remember(String key, Jwt jwt, KeySnapshot before, KeySnapshot now) {
        Object keyId = jwt.getHeaders().get("kid");
        Instant expiresAt = jwt.getExpiresAt();
        if (!(keyId instanceof String id) || expiresAt == null || now != before) {
            return;
        }
        Set<Base64URL> thumbprints = before.thumbprintsByKeyId().get(id);
        if (thumbprints == null || thumbprints.size() != 1) {
            return;
        }
        if (remaining(expiresAt) > 0) {
            cache.put(key, new Entry(jwt, id, thumbprints.iterator().next(), expiresAt));
        }
    }

    /**
     * The cached token after running the validators again; a token they refuse now is dropped.
     *
     * @throws JwtValidationException with the first error's description, as Spring's decoders word it
     */
    public Jwt revalidated(String key, Jwt jwt) {
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            cache.invalidate(key);
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException(decodingError(description), result.getErrors());
        }
        return jwt;
    }

    /** Entries now held (after pending evictions), for tests and metrics. */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Nanoseconds an entry for a token expiring at {@code expiresAt} may live from now: min(exp, max TTL). */
    private long remaining(Instant expiresAt) {
        long untilExpiry = Duration.between(clock.instant(), expiresAt).toNanos();
        return Math.max(0, Math.min(untilExpiry, maxTimeToLive.toNanos()));
    }

    private final class UntilExpiry implements Expiry<String, Entry> {

        @Override
        public long expireAfterCreate(String key, Entry value, long currentTime) {
            return remaining(value.expiresAt());
        }

        @Override
        public long expireAfterUpdate(String key, Entry value, long currentTime, long currentDuration) {
            return remaining(value.expiresAt());
        }

        @Override
        public long expireAfterRead(String key, Entry value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** Entries expire by the same clock the validators use (a test's settable clock moves both). */
    private static Ticker clockTicker(Clock clock) {
        return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }
}
