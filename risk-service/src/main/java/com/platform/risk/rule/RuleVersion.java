package com.platform.risk.rule;

import java.time.Instant;
import java.util.UUID;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.RuleMode;
import com.platform.risk.engine.RuleRef;

/** One version of a rule: its content never changes, only its status (ACTIVE, PENDING_APPROVAL, ...). */
public record RuleVersion(UUID id, UUID ruleId, int version, String name, String description, String expression,
        int score, Action action, RuleMode mode, Status status, String author, Instant createdAt, String approvedBy,
        Instant approvedAt) {

    public enum Status {
        /** The version in force (at most one per rule). */
        ACTIVE,
        /** A LIVE version waiting for a second risk officer (at most one per rule); the ACTIVE one still runs. */
        PENDING_APPROVAL,
        /** Replaced by a newer version that went into force. */
        SUPERSEDED,
        /** A pending version replaced by a newer one before anybody approved it. */
        WITHDRAWN
    }

    public RuleRef ref() {
        return new RuleRef(ruleId, version, name, score, action, mode);
    }

    RuleVersion withStatus(Status next) {
        return new RuleVersion(id, ruleId, version, name, description, expression, score, action, mode, next,
                author, createdAt, approvedBy, approvedAt);
    }

    RuleVersion approved(String approver, Instant at) {
        return new RuleVersion(id, ruleId, version, name, description, expression, score, action, mode,
                Status.ACTIVE, author, createdAt, approver, at);
    }
}
