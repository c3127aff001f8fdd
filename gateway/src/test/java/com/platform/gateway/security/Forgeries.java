package com.platform.gateway.security;

import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Copies of a genuine token, with the same claims, that a resource server must refuse. */
public final class Forgeries {

    private Forgeries() {
    }

    /** Signed by another key under the same key id. */
    public static String resignedByForeignKey(String token) {
        String keyId = header(token).getKeyID();
        RSAKey foreign = rsaKey(keyId);
        return sign(JWSAlgorithm.RS256, keyId, claims(token), rsaSigner(foreign));
    }

    /** {@code HS256} with the issuer's public key as the HMAC secret, under the same key id. */
    public static String hmacSignedWithPublicKey(String token, RSAKey publicKey) {
        try {
            return sign(JWSAlgorithm.HS256, header(token).getKeyID(), claims(token),
                    new MACSigner(publicKey.toRSAPublicKey().getEncoded()));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, no signature. */
    public static String withoutSignature(String token) {
        return new PlainJWT(claims(token)).serialize();
    }

    /** Signed by a key whose id the issuer never published. */
    public static String signedWithUnknownKeyId(String token) {
        return sign(JWSAlgorithm.RS256, "unknown-key", claims(token), rsaSigner(rsaKey("unknown-key")));
    }

    static String sign(JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSASSASigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        }
        catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JWSHeader header(String token) {
        try {
            return SignedJWT.parse(token).getHeader();
        }
        catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
