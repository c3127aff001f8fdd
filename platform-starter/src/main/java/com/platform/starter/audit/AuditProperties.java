package com.platform.starter.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trail the trail's name in the auditor API ({@code users}, ...) and the key of its checkpoint events
 * @param chains parallel hash chains: audited transactions that can commit at once without waiting
 * @param checkpointInterval how often the chain heads are sealed into a checkpoint (when they moved)
 * @param anchorTopic the service's own topic, e.g. {@code platform.users.v1}: checkpoints are published there
 *        through the outbox and read back by the verification; unset, they stay in the database (which detects
 *        a truncation only while the checkpoint rows survive it)
 */
@ConfigurationProperties("platform.audit")
public record AuditProperties(
        String trail,
        @DefaultValue("16") int chains,
        @DefaultValue("1m") Duration checkpointInterval,
        String anchorTopic) {
}
