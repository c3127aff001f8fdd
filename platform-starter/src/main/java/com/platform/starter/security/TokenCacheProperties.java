package com.platform.starter.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The verified-token cache in front of the JWT decoder (see {@link CachingJwtDecoder}).
 *
 * @param enabled off: every request verifies its token's signature again (the decoder is still built here, with the
 *        same validators and the JWKS refresh below)
 * @param maximumSize verified tokens kept at most (least recently used go first); an entry is about 4 kB
 * @param maxTimeToLive an entry is dropped after this long even if its token is still valid; never kept past the
 *        token's {@code exp}
 * @param jwksRefreshInterval the issuer's JWKS is fetched again when the copy is older than this (and whenever a token
 *        names an unknown key id): a key removed from the JWKS stops working, cached or not, within this interval
 */
@ConfigurationProperties("platform.security.token-cache")
public record TokenCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4096") int maximumSize,
        @DefaultValue("5m") Duration maxTimeToLive,
        @DefaultValue("5m") Duration jwksRefreshInterval) {

    public TokenCacheProperties {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("platform.security.token-cache.maximum-size must not be negative");
        }
        if (maxTimeToLive.isNegative() || jwksRefreshInterval.isNegative() || jwksRefreshInterval.isZero()) {
            throw new IllegalArgumentException("platform.security.token-cache durations must be positive");
        }
    }
}
