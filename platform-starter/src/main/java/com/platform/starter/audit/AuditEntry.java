package com.platform.starter.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the audit trail (X2): who did what to which object, the state before and after (JSON, never
 * personal data in clear), the request id and time, chained by {@code prevHash} to the previous entry of its
 * chain: {@code seq} orders the whole trail, {@code chain} and {@code chainSeq} place the entry in its chain.
 */
public record AuditEntry(
        long seq,
        UUID entryId,
        Instant occurredAt,
        String actor,
        String action,
        String targetType,
        String targetId,
        String before,
        String after,
        String requestId,
        String prevHash,
        String hash,
        int chain,
        long chainSeq) {
}
