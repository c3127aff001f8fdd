package com.platform.benchmarks.stack;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;

/**
 * An access token that is asked for again before it expires. Keycloak's tokens live 5 minutes and a benchmark with its
 * warm-up runs longer: with one token fixed at the start, the last steps measured 401s (a run on 2026-12-02 lost its
 * top rate that way). A new token is a new cache entry in the services, verified once, as a real client's
 * refreshed token would be.
 */
public final class FreshToken {

    /** Asked for again when less than this is left: the steps never see a token about to expire. */
    private static final Duration MARGIN = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a token is obtained (a grant at Keycloak). */
    @FunctionalInterface
    public interface Issuer {
        String issue() throws Exception;
    }

    private final Issuer issuer;
    private final Clock clock;
    private volatile String token;
    private volatile Instant renewAt;

    public FreshToken(Issuer issuer) throws Exception {
        this(issuer, Clock.systemUTC());
    }

    FreshToken(Issuer issuer, Clock clock) throws Exception {
        this.issuer = issuer;
        this.clock = clock;
        renew();
    }

    /** The {@code Authorization} header's value. */
    public String bearer() {
        return "Bearer " + current();
    }

    public String current() {
        if (clock.instant().isAfter(renewAt)) {
            synchronized (this) {
                if (clock.instant().isAfter(renewAt)) {
                    try {
                        renew();
                    }
                    catch (Exception e) {
                        throw new IllegalStateException("could not renew the benchmark's token", e);
                    }
                }
            }
        }
        return token;
    }

    private void renew() throws Exception {
        String issued = issuer.issue();
        renewAt = expiry(issued).minus(MARGIN);
        token = issued;
    }

    /** The token's {@code exp}, read without verifying (it is our own token from our own Keycloak). */
    static Instant expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        return Instant.ofEpochSecond(JSON.readTree(new String(payload, StandardCharsets.UTF_8)).get("exp").asLong());
    }
}
