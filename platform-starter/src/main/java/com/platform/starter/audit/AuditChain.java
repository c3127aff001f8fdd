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
 * The hash rule of the audit chains: SHA-256 over a JSON array of every field of the entry (with its position in
 * its chain) and the previous entry's hash. The array makes field boundaries unambiguous; the position inside it
 * makes reordering detectable. Each chain starts from its own genesis value, so an entry moved to another chain
 * no longer links; chain 0 starts from the genesis of the single chain the trail had before it was striped.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private AuditChain() {
    }

    static String genesis(int chain) {
        return chain == 0 ? GENESIS : sha256("audit-chain-" + chain);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param position the entry's number in its chain (1, 2, ...) */
    static String hash(long position, UUID entryId, Instant occurredAt, String actor, String action, String targetType,
            String targetId, String before, String after, String requestId, String prevHash) {
        String canonical = CANONICAL.writeValueAsString(Arrays.asList(position, entryId.toString(), occurredAt.toString(),
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
        return hash(e.chainSeq(), e.entryId(), e.occurredAt(), e.actor(), e.action(), e.targetType(), e.targetId(),
                e.before(), e.after(), e.requestId(), e.prevHash());
    }
}
