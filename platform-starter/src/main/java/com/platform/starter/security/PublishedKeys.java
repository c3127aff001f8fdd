package com.platform.starter.security;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.platform.security.core.KeySetFreshness;
import com.platform.security.core.KeySnapshot;

/**
 * The issuer's published signing keys (its JWKS): fetched again when the copy is older than the refresh interval,
 * and when a token names a key id the copy does not hold (a new key after a rotation). The JWT decoder selects its
 * verification keys here and the {@link CachingJwtDecoder} asks here whether a cached token's key is still
 * published, so both see a removed key at the same moment. A failed fetch of an expired copy fails closed (the
 * token is refused), as Spring's own JWKS source does.
 */
final class PublishedKeys implements JWKSource<SecurityContext> {

    private final URL jwkSetUrl;
    private final ResourceRetriever retriever;
    private final Clock clock;
    private final KeySetFreshness freshness;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile KeySnapshot current;

    PublishedKeys(String jwkSetUri, Clock clock, Duration refreshInterval) {
        this(jwkSetUri, new DefaultResourceRetriever(2_000, 5_000, 256 * 1024), clock, refreshInterval);
    }

    PublishedKeys(String jwkSetUri, ResourceRetriever retriever, Clock clock, Duration refreshInterval) {
        try {
            this.jwkSetUrl = URI.create(jwkSetUri).toURL();
        }
        catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid JWK Set URI " + jwkSetUri, e);
        }
        this.retriever = retriever;
        this.clock = clock;
        this.freshness = new KeySetFreshness(clock, refreshInterval);
    }

    /** The keys as published now: the copy, or a fresh one if the copy is older than the refresh interval. */
    KeySnapshot current() throws KeySourceException {
        KeySnapshot snapshot = current;
        if (freshness.isFresh(snapshot)) {
            return snapshot;
        }
        return refresh(snapshot);
    }

    /** The copy as it is, without fetching (null before the first fetch). */
    KeySnapshot peek() {
        return current;
    }

    /** Whether a key with this id and thumbprint is published now. */
    boolean isPublished(String keyId, Base64URL thumbprint) throws KeySourceException {
        return current().publishes(keyId, thumbprint);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        KeySnapshot snapshot = current();
        List<JWK> matches = selector.select(snapshot.keys());
        if (snapshot.warrantsRefetch(matches, soughtKeyId(selector))) {
            matches = selector.select(refresh(snapshot).keys());
        }
        return matches;
    }

    /** Fetches again unless another thread replaced {@code seen} meanwhile (concurrent refreshes make one request). */
    private KeySnapshot refresh(KeySnapshot seen) throws KeySourceException {
        lock.lock();
        try {
            KeySnapshot snapshot = current;
            if (freshness.replacedMeanwhile(snapshot, seen)) {
                return snapshot;
            }
            snapshot = fetch();
            current = snapshot;
            return snapshot;
        }
        finally {
            lock.unlock();
        }
    }

    private KeySnapshot fetch() throws KeySourceException {
        try {
            JWKSet keys = JWKSet.parse(retriever.retrieveResource(jwkSetUrl).getContent());
            return KeySnapshot.of(keys, clock.instant());
        }
        catch (IOException e) {
            throw new RemoteKeySourceException("Couldn't retrieve the JWK set: " + e.getMessage(), e);
        }
        catch (ParseException e) {
            throw new RemoteKeySourceException("Malformed JWK set", e);
        }
    }

    private static String soughtKeyId(JWKSelector selector) {
        Set<String> keyIds = selector.getMatcher().getKeyIDs();
        if (keyIds == null) {
            return null;
        }
        for (String id : keyIds) {
            if (id != null) {
                return id;
            }
        }
        return null;
    }
}
