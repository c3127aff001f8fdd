package com.platform.risk.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.platform.risk.engine.RuleMode;
import com.platform.risk.support.RiskException;

/**
 * A rule and its versions (R2). Invariants: at most one ACTIVE version (the one assessments use) and at most one
 * PENDING_APPROVAL version. Maker-checker: a version that goes LIVE (on create or change) stays pending, while
 * the previous version keeps running, until a second risk officer approves it; its author cannot. A SHADOW or
 * DISABLED version takes effect at once (it decides nothing, or stops a rule from deciding); it also withdraws a
 * pending version, as does a newer LIVE version.
 */
public final class Rule {

    private final UUID id;
    private final Instant createdAt;
    private final String createdBy;
    private final List<RuleVersion> versions;
    private final List<RuleVersion> changed = new ArrayList<>();

    private Rule(UUID id, Instant createdAt, String createdBy, List<RuleVersion> versions) {
        this.id = id;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.versions = new ArrayList<>(versions);
        this.versions.sort(Comparator.comparingInt(RuleVersion::version));
    }

    static Rule restore(UUID id, Instant createdAt, String createdBy, List<RuleVersion> versions) {
        return new Rule(id, createdAt, createdBy, versions);
    }

    static Rule create(RuleDraft draft, String author, Instant now) {
        Rule rule = new Rule(UUID.randomUUID(), now, author, List.of());
        rule.addVersion(draft, author, now);
        return rule;
    }

    /** Adds the next version; returns it. */
    RuleVersion addVersion(RuleDraft draft, String author, Instant now) {
        int next = versions.stream().mapToInt(RuleVersion::version).max().orElse(0) + 1;
        boolean live = draft.mode() == RuleMode.LIVE;
        pending().ifPresent(p -> replace(p.withStatus(RuleVersion.Status.WITHDRAWN)));
        if (!live) {
            active().ifPresent(a -> replace(a.withStatus(RuleVersion.Status.SUPERSEDED)));
        }
        RuleVersion version = new RuleVersion(UUID.randomUUID(), id, next, draft.name(), draft.description(),
                draft.expression(), draft.score(), draft.action(), draft.mode(),
                live ? RuleVersion.Status.PENDING_APPROVAL : RuleVersion.Status.ACTIVE, author, now, null, null);
        versions.add(version);
        changed.add(version);
        return version;
    }

    /**
     * The second risk officer puts the pending version in force.
     *
     * @param expectedVersion the version the approver looked at, if given: approving something else is refused
     */
    RuleVersion approve(String approver, Integer expectedVersion, Instant now) {
        RuleVersion pending = pending().orElseThrow(() -> new RiskException.Conflict("RULE_NOTHING_PENDING",
                "The rule has no version waiting for approval."));
        if (expectedVersion != null && expectedVersion != pending.version()) {
            throw new RiskException.Conflict("RULE_VERSION_NOT_PENDING",
                    "Version " + expectedVersion + " is not the version waiting for approval (" + pending.version()
                            + ").");
        }
        if (pending.author().equals(approver)) {
            throw new RiskException.DutyConflict("RULE_APPROVAL_BY_AUTHOR",
                    "The author of a rule version cannot approve it; a second risk officer must.");
        }
        active().ifPresent(a -> replace(a.withStatus(RuleVersion.Status.SUPERSEDED)));
        RuleVersion approved = pending.approved(approver, now);
        replace(approved);
        return approved;
    }

    private void replace(RuleVersion next) {
        versions.replaceAll(v -> v.id().equals(next.id()) ? next : v);
        changed.removeIf(v -> v.id().equals(next.id()));
        changed.add(next);
    }

    public UUID id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public List<RuleVersion> versions() {
        return List.copyOf(versions);
    }

    public Optional<RuleVersion> active() {
        return versions.stream().filter(v -> v.status() == RuleVersion.Status.ACTIVE).findFirst();
    }

    public Optional<RuleVersion> pending() {
        return versions.stream().filter(v -> v.status() == RuleVersion.Status.PENDING_APPROVAL).findFirst();
    }

    public RuleVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** Versions added or whose status changed since load, for the repository to write. */
    List<RuleVersion> changed() {
        return List.copyOf(changed);
    }
}
