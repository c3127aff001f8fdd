package com.platform.security.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;

/**
 * One fetch of the issuer's published signing keys (its JWKS) with the thumbprints of its keys by key id: what the
 * {@link VerifiedTokenCache} checks a cached token's key against. How the JWKS is fetched (blocking or not) is the
 * adapter's; when to fetch again is {@link KeySetFreshness}'s.
 */
public record KeySnapshot(JWKSet keys, Instant fetchedAt, Map<String, Set<Base64URL>> thumbprintsByKeyId) {

    /**
     * The snapshot of a fetched JWKS; keys without a key id are kept for selection but have no thumbprint entry.
     *
     * @throws KeySourceException if a key's thumbprint cannot be computed
     */
    public static KeySnapshot of(JWKSet keys, Instant fetchedAt) throws KeySourceException {
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
        return new KeySnapshot(keys, fetchedAt, Map.copyOf(thumbprints));
    }

    /** Whether a key with this id and thumbprint is in this JWKS. */
    public boolean publishes(String keyId, Base64URL thumbprint) {
        Set<Base64URL> thumbprints = thumbprintsByKeyId.get(keyId);
        return thumbprints != null && thumbprints.contains(thumbprint);
    }

    /**
     * Whether a token naming {@code keyId} that matched none of these keys warrants fetching the JWKS again: the id
     * is not in this copy at all (a new key after a rotation), not merely held with another algorithm or use.
     */
    public boolean warrantsRefetch(List<JWK> matches, String keyId) {
        return matches.isEmpty() && keyId != null && keys.getKeyByKeyId(keyId) == null;
    }
}
