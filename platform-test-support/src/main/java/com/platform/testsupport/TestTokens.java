package com.platform.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Keycloak's token signing in module tests: it serves a JWKS and a client-credentials token
 * endpoint at Keycloak's paths and signs tokens shaped like Keycloak's (realm roles, {@code partner_id},
 * {@code azp}). It can also make every kind of token a resource server must refuse, and rotate its signing key
 * (tests that rotate use their own {@link #newIssuer() issuer}, so that the shared one keeps its key). The end-to-end
 * tests use the real Keycloak.
 */
public final class TestTokens {

    public static final String AUDIENCE = "platform-api";
    public static final String SERVICE_CLIENT_ID = "test-service";
    private static final String REALM_PATH = "/realms/platform";

    private static TestTokens instance;

    private final HttpServer server;
    private final RSAKey foreignKey;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger rotations = new AtomicInteger();
    /** Signs new tokens; the only key the JWKS publishes. */
    private volatile RSAKey signingKey;

    private TestTokens() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("platform-test-key").generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("platform-test-key").generate();
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        }
        catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> {
            jwksRequests.incrementAndGet();
            respond(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString());
        });
        server.createContext(REALM_PATH + "/protocol/openid-connect/token", this::issueServiceToken);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    /**
     * A second, independent issuer (own port, own keys) for tests that rotate keys: the shared {@link #get()} issuer
     * never changes its key, because other tests of the same JVM hold its tokens.
     */
    public static TestTokens newIssuer() {
        return new TestTokens();
    }

    /** Stops serving the JWKS and tokens: for a {@link #newIssuer()} a test no longer needs, never the shared one. */
    public void stop() {
        if (this == instance) {
            throw new IllegalStateException("The shared issuer serves every test of this JVM");
        }
        server.stop(0);
    }

    /**
     * Key rotation: a new key (new key id) signs from now on and the JWKS publishes only it, so tokens signed before
     * carry a key id the issuer no longer publishes.
     *
     * @return the new key id
     */
    public String rotateKeys() {
        String keyId = "platform-test-key-" + rotations.incrementAndGet();
        try {
            signingKey = new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return keyId;
    }

    /** How many times the JWKS was fetched so far. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort() + REALM_PATH;
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenUri() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** How many client-credentials tokens were issued so far (to prove callers cache them). */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** A valid token for a person or staff member with these realm roles. */
    public String user(String subject, String... roles) {
        return builder().subject(subject).roles(roles).build();
    }

    /** A valid token of a partner's staff or system, carrying its partner id. */
    public String partner(String subject, String partnerId) {
        return builder().subject(subject).roles("partner").partnerId(partnerId).build();
    }

    /** A valid service-account token (realm role {@code service}). */
    public String service() {
        return builder().subject("service-account-" + SERVICE_CLIENT_ID).roles("service")
                .clientId(SERVICE_CLIENT_ID).build();
    }

    /** A token with {@code alg: none}: no signature at all. */
    public String unsigned(String subject, String... roles) {
        return new PlainJWT(builder().subject(subject).roles(roles).claims()).serialize();
    }

    /** The same claims as {@code token}, signed by another key under the same key id (a forgery). */
    public String resignedByForeignKey(String token) {
        return sign(JWSAlgorithm.RS256, foreignKey.getKeyID(), claimsOf(token), rsaSigner(foreignKey));
    }

    /**
     * The same claims as {@code token}, signed with {@code HS256} using the issuer's published public key as the HMAC
     * secret, under the same key id (the classic algorithm-confusion attack).
     */
    public String hmacSignedWithPublicKey(String token) {
        try {
            byte[] secret = signingKey.toPublicJWK().toRSAPublicKey().getEncoded();
            return sign(JWSAlgorithm.HS256, signingKey.getKeyID(), claimsOf(token), new MACSigner(secret));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims as {@code token} with {@code alg: none} and no signature. */
    public String withoutSignature(String token) {
        return new PlainJWT(claimsOf(token)).serialize();
    }

    /** The same claims as {@code token}, signed by a key whose key id the issuer never published. */
    public String signedWithUnknownKeyId(String token) {
        try {
            RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
            return sign(JWSAlgorithm.RS256, unknown.getKeyID(), claimsOf(token), rsaSigner(unknown));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        }
        catch (ParseException e) {
            throw new IllegalArgumentException("Not a signed JWT", e);
        }
    }

    private static String sign(JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims,
            JWSSigner signer) {
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

    public Builder builder() {
        return new Builder();
    }

    public final class Builder {

        private String subject = UUID.randomUUID().toString();
        private List<String> roles = List.of();
        private String partnerId;
        private String issuer = TestTokens.this.issuer();
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        private String clientId = "platform-web";
        private boolean foreign;

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder partnerId(String partnerId) {
            this.partnerId = partnerId;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Signed by a key with the same key id that the issuer never published. */
        public Builder signedByForeignKey() {
            this.foreign = true;
            return this;
        }

        JWTClaimsSet claims() {
            Instant issuedAt = expiresAt.minus(Duration.ofMinutes(5));
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("azp", clientId)
                    .claim("realm_access", Map.of("roles", roles));
            if (partnerId != null) {
                claims.claim("partner_id", partnerId);
            }
            return claims.build();
        }

        public String build() {
            RSAKey key = foreign ? foreignKey : signingKey;
            return sign(JWSAlgorithm.RS256, key.getKeyID(), claims(), rsaSigner(key));
        }
    }

    private static RSASSASigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void issueServiceToken(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean basicOk = authorization != null && authorization.startsWith("Basic ")
                && new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                        .startsWith(SERVICE_CLIENT_ID + ":");
        if (!form.contains("grant_type=client_credentials") || !(basicOk || form.contains("client_id="
                + SERVICE_CLIENT_ID))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        tokenRequests.incrementAndGet();
        respond(exchange, 200, "{\"access_token\":\"" + service()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static void respond(HttpExchange exchange, int status, String body) {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
