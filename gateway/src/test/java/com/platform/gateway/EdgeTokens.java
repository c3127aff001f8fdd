package com.platform.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/** Signs Keycloak-shaped tokens and serves their JWKS, standing in for Keycloak's keys in gateway tests. */
final class EdgeTokens {

    private final RSAKey key;
    private final HttpServer server;

    EdgeTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("edge-test").generate();
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        }
        catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realms/platform/protocol/openid-connect/certs", exchange -> {
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
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

    String token(String subject, String partnerId, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer())
                .audience("platform-api").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of(roles)));
        if (partnerId != null) {
            claims.claim("partner_id", partnerId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
