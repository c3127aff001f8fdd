package com.platform.starter.security;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.JOSEException;
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

/**
 * The issuer's published signing keys (its JWKS): fetched again when the copy is older than the refresh interval,
 * and when a token names a key id the copy does not hold (a new key after a rotation). The JWT decoder selects its
 * verification keys here and the {@link CachingJwtDecoder} asks here whether a cached token's key is still
 * published, so both see a removed key at the same moment. A failed fetch of an expired copy fails closed (the
 * token is refused), as Spring's own JWKS source does.
 */
final class PublishedKeys implements JWKSource<SecurityContext> {

    /** One fetched JWKS with the thumbprints of its keys by key id. */
    record Snapshot(JWKSet keys, Instant fetchedAt, Map<String, Set<Base64URL>> thumbprintsByKeyId) {
    }

    private final URL jwkSetUrl;
    private final ResourceRetriever retriever;
    private final Clock clock;
    private final Duration refreshInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Snapshot current;

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
        this.refreshInterval = refreshInterval;
    }

    /** The keys as published now: the copy, or a fresh one if the copy is older than the refresh interval. */
    Snapshot current() throws KeySourceException {
        Snapshot snapshot = current;
        if (snapshot != null && fresh(snapshot)) {
            return snapshot;
        }
        return refresh(snapshot);
    }

    /** The copy as it is, without fetching (null before the first fetch). */
    Snapshot peek() {
        return current;
    }

    /** Whether a key with this id and thumbprint is published now. */
    boolean isPublished(String keyId, Base64URL thumbprint) throws KeySourceException {
        Set<Base64URL> thumbprints = current().thumbprintsByKeyId().get(keyId);
        return thumbprints != null && thumbprints.contains(thumbprint);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Snapshot snapshot = current();
        List<JWK> matches = selector.select(snapshot.keys());
        if (matches.isEmpty()) {
            String keyId = soughtKeyId(selector);
            if (keyId != null && snapshot.keys().getKeyByKeyId(keyId) == null) {
                matches = selector.select(refresh(snapshot).keys());
            }
        }
        return matches;
    }

    private boolean fresh(Snapshot snapshot) {
        return clock.instant().isBefore(snapshot.fetchedAt().plus(refreshInterval));
    }

    /** Fetches again unless another thread replaced {@code seen} meanwhile (concurrent refreshes make one request). */
    private Snapshot refresh(Snapshot seen) throws KeySourceException {
        lock.lock();
        try {
            Snapshot snapshot = current;
            if (snapshot != null && snapshot != seen && fresh(snapshot)) {
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

    private Snapshot fetch() throws KeySourceException {
        try {
            JWKSet keys = JWKSet.parse(retriever.retrieveResource(jwkSetUrl).getContent());
            return snapshot(keys, clock.instant());
        }
        catch (IOException e) {
            throw new RemoteKeySourceException("Couldn't retrieve the JWK set: " + e.getMessage(), e);
        }
        catch (ParseException e) {
            throw new RemoteKeySourceException("Malformed JWK set", e);
        }
    }

    static Snapshot snapshot(JWKSet keys, Instant fetchedAt) throws KeySourceException {
        Map<String, Set<Base64URL>> thumbprints = new HashMap<>();
        for (JWK key : keys.getKeys()) {
            if (key.getKeyID() == null) {
                continue;
            }
            try {
                thumbprints.computeIfAbsent(key.getKeyID(), id -> new HashSet<>()).add(key.computeThumbprint());
            }
            catch (JOSEException e) {
                throw new KeySourceException("Couldn't compute the thumbprint of key " + key.getKeyID(), e);
            }
        }
        thumbprints.replaceAll((id, set) -> Set.copyOf(set));
        return new Snapshot(keys, fetchedAt, Map.copyOf(thumbprints));
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
