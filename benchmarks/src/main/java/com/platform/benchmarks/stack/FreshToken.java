package com.platform.benchmarks.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An access token that is asked for again before it expires. Keycloak's tokens live 5 minutes and a benchmark with its
 * warm-up runs longer: with one token fixed at the start, the last steps measured 401s (a run on 2026-12-02 lost its
 * top rate that way). A new token is a new cache entry in the services, verified once, as a real client's
 * refreshed token would be.
 */
public final class FreshToken {

    /** Asked for again when less than this is left: the steps never see a token about to expire. */
    private static final Duration MARGIN = Duration.ofSeconds(90);

    /** How a token is obtained: a grant at Keycloak ({@link LocalStackAccess#token}, {@code serviceToken}, ...). */
    @FunctionalInterface
    public interface Issuer {
        String issue() throws IOException, InterruptedException;
    }

    private final Issuer issuer;
    private volatile String token;
    private volatile Instant renewAt;

    public FreshToken(Issuer issuer) throws IOException, InterruptedException {
        this.issuer = issuer;
        renew();
    }

    /** The {@code Authorization} header's value. */
    public String bearer() {
        return "Bearer " + current();
    }

    public String current() {
        if (Instant.now().isAfter(renewAt)) {
            synchronized (this) {
                if (Instant.now().isAfter(renewAt)) {
                    try {
                        renew();
                    }
                    catch (IOException e) {
                        throw new IllegalStateException("could not renew the benchmark's token", e);
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while renewing the benchmark's token", e);
                    }
                }
            }
        }
        return token;
    }

    private void renew() throws IOException, InterruptedException {
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
        return Instant.ofEpochSecond(LocalStackAccess.parse(new String(payload, StandardCharsets.UTF_8)).get("exp")
                .asLong());
    }
}
