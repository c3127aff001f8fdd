package com.platform.user.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The one-time code that proves a contact (U1): six digits, valid for five minutes, usable once, at most five
 * attempts. Only a salted hash is kept; the code itself exists only in the message sent to the person.
 * Wrong, expired, exhausted and used codes are distinguished so that the API can answer 400, 410 and 429.
 */
public final class OneTimeCode {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final int MAX_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Outcome { VERIFIED, WRONG, EXPIRED, TOO_MANY_ATTEMPTS, ALREADY_USED }

    private final String salt;
    private final String hash;
    private final Instant issuedAt;
    private int attempts;
    private boolean used;

    private OneTimeCode(String salt, String hash, Instant issuedAt, int attempts, boolean used) {
        this.salt = salt;
        this.hash = hash;
        this.issuedAt = issuedAt;
        this.attempts = attempts;
        this.used = used;
    }

    /** A new code; the plain value is returned once, for the message, and never stored. */
    public static Issued issue(Instant now) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return new Issued(code, new OneTimeCode(salt, hash(salt, code), now, 0, false));
    }

    /** A code as persisted. */
    public static OneTimeCode restore(String salt, String hash, Instant issuedAt, int attempts, boolean used) {
        return new OneTimeCode(salt, hash, issuedAt, attempts, used);
    }

    public record Issued(String plainCode, OneTimeCode code) {
    }

    /** Checks a candidate; every check of an unused, unexpired code counts as an attempt. */
    public Outcome verify(String candidate, Instant now) {
        if (used) {
            return Outcome.ALREADY_USED;
        }
        if (!now.isBefore(expiresAt())) {
            return Outcome.EXPIRED;
        }
        if (attempts >= MAX_ATTEMPTS) {
            return Outcome.TOO_MANY_ATTEMPTS;
        }
        attempts++;
        boolean matches = candidate != null && MessageDigest.isEqual(
                hash(salt, candidate).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
        if (matches) {
            used = true;
            return Outcome.VERIFIED;
        }
        return attempts >= MAX_ATTEMPTS ? Outcome.TOO_MANY_ATTEMPTS : Outcome.WRONG;
    }

    public Instant expiresAt() {
        return issuedAt.plus(VALIDITY);
    }

    public int remainingAttempts() {
        return Math.max(0, MAX_ATTEMPTS - attempts);
    }

    public String salt() {
        return salt;
    }

    public String hash() {
        return hash;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public int attempts() {
        return attempts;
    }

    public boolean used() {
        return used;
    }

    private static String hash(String salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
