package com.platform.starter.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * The hash rule of the audit chain: SHA-256 over a JSON array of every field of the entry and the previous entry's
 * hash. The array makes field boundaries unambiguous; the sequence number inside it makes reordering detectable.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private AuditChain() {
    }

    static String hash(long seq, UUID entryId, Instant occurredAt, String actor, String action, String targetType,
            String targetId, String before, String after, String requestId, String prevHash) {
        String canonical = CANONICAL.writeValueAsString(Arrays.asList(seq, entryId.toString(), occurredAt.toString(),
                actor, action, targetType, targetId, before, after, requestId, prevHash));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hashOf(AuditEntry e) {
        return hash(e.seq(), e.entryId(), e.occurredAt(), e.actor(), e.action(), e.targetType(), e.targetId(),
                e.before(), e.after(), e.requestId(), e.prevHash());
    }
}
