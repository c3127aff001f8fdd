package com.platform.starter.security;

import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.KeySourceException;
import com.platform.security.core.KeySnapshot;
import com.platform.security.core.VerifiedTokenCache;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A verified-token cache in front of the JWT decoder: a token whose signature was verified is not verified again
 * (issue 13). The invariants that make it safe are {@link VerifiedTokenCache}'s (platform-security-core, shared with
 * the gateway); this adapter looks up, verifies with the blocking decoder and asks {@link PublishedKeys} whether a
 * cached token's key is still published.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final PublishedKeys keys;
    private final VerifiedTokenCache cache;

    /**
     * @param verifier the full decoder (signature with keys from {@code keys}, then {@code validator})
     * @param validator the same validators the verifier applies, run again on every hit
     */
    CachingJwtDecoder(JwtDecoder verifier, PublishedKeys keys, OAuth2TokenValidator<Jwt> validator, Clock clock,
            int maximumSize, Duration maxTimeToLive) {
        this.verifier = verifier;
        this.keys = keys;
        this.cache = new VerifiedTokenCache(validator, clock, maximumSize, maxTimeToLive);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = VerifiedTokenCache.key(token);
        VerifiedTokenCache.Entry verified = cache.get(key);
        if (verified != null) {
            if (verified.isFor(token) && stillPublished(verified)) {
                return cache.revalidated(key, verified.jwt());
            }
            cache.invalidate(key);
        }
        return verify(key, token);
    }

    /** Entries now held (after pending evictions), for tests and metrics. */
    long size() {
        return cache.size();
    }

    private Jwt verify(String key, String token) {
        KeySnapshot before = currentKeys();
        Jwt jwt = verifier.decode(token);
        cache.remember(key, jwt, before, keys.peek());
        return jwt;
    }

    private boolean stillPublished(VerifiedTokenCache.Entry verified) {
        try {
            return keys.isPublished(verified.keyId(), verified.keyThumbprint());
        }
        catch (KeySourceException e) {
            throw new JwtException(VerifiedTokenCache.decodingError(e.getMessage()), e);
        }
    }

    private KeySnapshot currentKeys() {
        try {
            return keys.current();
        }
        catch (KeySourceException e) {
            throw new JwtException(VerifiedTokenCache.decodingError(e.getMessage()), e);
        }
    }
}
