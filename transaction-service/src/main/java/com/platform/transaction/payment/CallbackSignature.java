package com.platform.transaction.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of provider callbacks (T5): header {@value #TIMESTAMP_HEADER} is the Unix time in seconds, header
 * {@value #SIGNATURE_HEADER} is {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the provider's
 * secret, of {@code <timestamp>.<raw body>}. A timestamp further than the tolerance from our clock is stale (a
 * replay) and refused like a wrong signature. Comparison is constant-time.
 */
public final class CallbackSignature {

    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Signature";
    private static final String PREFIX = "sha256=";

    private CallbackSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /** @throws CallbackRejectedException for a missing, malformed, wrong or stale signature */
    public static void verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
            Instant now, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new CallbackRejectedException("no secret configured for the provider");
        }
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(PREFIX)) {
            throw new CallbackRejectedException("signature headers missing");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        }
        catch (NumberFormatException e) {
            throw new CallbackRejectedException("malformed timestamp");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            throw new CallbackRejectedException("stale timestamp");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()).strip());
        }
        catch (IllegalArgumentException e) {
            throw new CallbackRejectedException("malformed signature");
        }
        if (!MessageDigest.isEqual(given, hmac(secret, timestamp, body))) {
            throw new CallbackRejectedException("wrong signature");
        }
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
