package com.platform.gateway.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;

/** A token issuer of one test that can rotate its signing key: the JWKS then publishes only the new key. */
final class RotatingIssuer implements AutoCloseable {

    static final String AUDIENCE = "platform-api";

    private final HttpServer server;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private final AtomicInteger rotations = new AtomicInteger();
    private volatile RSAKey signingKey = Forgeries.rsaKey("edge-key-0");

    RotatingIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realms/platform/protocol/openid-connect/certs", exchange -> {
            jwksRequests.incrementAndGet();
            byte[] body = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String issuer() {
        return "http://localhost:" + server.getAddress().getPort() + "/realms/platform";
    }

    String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    int jwksRequests() {
        return jwksRequests.get();
    }

    RSAKey publicKey() {
        return signingKey.toPublicJWK();
    }

    void rotateKeys() {
        signingKey = Forgeries.rsaKey("edge-key-" + rotations.incrementAndGet());
    }

    /** A token valid from five minutes before {@code expiresAt}, with these realm roles. */
    String token(Instant expiresAt, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer(issuer())
                .audience(AUDIENCE).issueTime(Date.from(expiresAt.minusSeconds(300)))
                .notBeforeTime(Date.from(expiresAt.minusSeconds(300))).expirationTime(Date.from(expiresAt))
                .claim("realm_access", Map.of("roles", List.of(roles))).claim("scope", "openid profile").build();
        RSAKey key = signingKey;
        return Forgeries.sign(JWSAlgorithm.RS256, key.getKeyID(), claims, Forgeries.rsaSigner(key));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
