package com.platform.partner.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.platform.partner.support.RuleViolation;

/**
 * A cooperation agreement (P4) and its versions. Version 1 starts as a DRAFT the operator proposes; the partner's
 * acceptance makes a PROPOSED version ACTIVE (the one it replaces becomes SUPERSEDED), so only one version is ever
 * active. An amendment is a new PROPOSED version of an active agreement. A termination needs its stated notice
 * ({@code terminationNoticeDays}): effective today it ends the agreement at once, later it is recorded and takes
 * effect on its day; the end of the term expires it. Terminated and expired agreements stop the partner from
 * transacting.
 */
public class Agreement {

    private final UUID id;
    private final UUID partnerId;
    private final List<AgreementVersion> versions;

    private Agreement(UUID id, UUID partnerId, List<AgreementVersion> versions) {
        this.id = id;
        this.partnerId = partnerId;
        this.versions = new ArrayList<>(versions);
        this.versions.sort(Comparator.comparingInt(AgreementVersion::version));
    }

    public static Agreement draft(UUID partnerId, Terms terms, String by, Instant now) {
        UUID id = UUID.randomUUID();
        return new Agreement(id, partnerId, List.of(new AgreementVersion(id, 1, partnerId, AgreementStatus.DRAFT,
                terms, by, now, null, null, null, null, null, null, null)));
    }

    public static Agreement restore(UUID id, UUID partnerId, List<AgreementVersion> versions) {
        return new Agreement(id, partnerId, versions);
    }

    public AgreementVersion propose(Instant now) {
        AgreementVersion draft = latest();
        if (draft.status != AgreementStatus.DRAFT) {
            throw RuleViolation.conflict("AGREEMENT_NOT_DRAFT", "Only a draft can be proposed; this version is "
                    + draft.status + ".");
        }
        draft.status = AgreementStatus.PROPOSED;
        draft.proposedAt = now;
        return draft;
    }

    public AgreementVersion amend(Terms terms, String by, Instant now) {
        AgreementVersion active = active().orElseThrow(() -> RuleViolation.conflict("AGREEMENT_NOT_ACTIVE",
                "Only an active agreement can be amended."));
        if (active.terminationEffectiveOn != null) {
            throw RuleViolation.conflict("AGREEMENT_TERMINATING", "The agreement is being terminated.");
        }
        if (pending().isPresent()) {
            throw RuleViolation.conflict("AMENDMENT_PENDING", "A version awaits the partner's acceptance.");
        }
        AgreementVersion amendment = new AgreementVersion(id, latest().version + 1, partnerId,
                AgreementStatus.PROPOSED, terms, by, now, now, null, null, null, null, null, null);
        versions.add(amendment);
        return amendment;
    }

    public record Acceptance(AgreementVersion accepted, Optional<AgreementVersion> superseded) {

        public boolean amendment() {
            return accepted.version > 1;
        }
    }

    /** The partner signs the version awaiting it ({@code expectedVersion}, when given, must be that one). */
    public Acceptance accept(Integer expectedVersion, String by, LocalDate today, Instant now) {
        AgreementVersion proposed = pending().filter(v -> v.status == AgreementStatus.PROPOSED)
                .orElseThrow(() -> RuleViolation.conflict("AGREEMENT_NOT_PROPOSED",
                        "No version of this agreement awaits acceptance."));
        if (expectedVersion != null && expectedVersion != proposed.version) {
            throw RuleViolation.conflict("AGREEMENT_VERSION_MISMATCH", "Version " + proposed.version
                    + " awaits acceptance, not " + expectedVersion + ".");
        }
        if (proposed.terms.endsOn().isBefore(today)) {
            throw RuleViolation.unprocessable("AGREEMENT_TERM_OVER", "The proposed term has already ended.");
        }
        Optional<AgreementVersion> previous = active();
        previous.ifPresent(v -> {
            v.status = AgreementStatus.SUPERSEDED;
            v.endedAt = now;
        });
        proposed.status = AgreementStatus.ACTIVE;
        proposed.acceptedBy = by;
        proposed.acceptedAt = now;
        return new Acceptance(proposed, previous);
    }

    /** Another agreement of the partner was signed: this one's active version is superseded. */
    public Optional<AgreementVersion> supersededByAnother(Instant now) {
        return active().map(v -> {
            v.status = AgreementStatus.SUPERSEDED;
            v.endedAt = now;
            return v;
        });
    }

    public record Termination(AgreementVersion version, boolean effectiveNow) {
    }

    /**
     * @param requireNotice false only for a consequence the terms themselves provide for (grade D), which takes
     *        the notice as its effective date
     */
    public Termination terminate(String reason, LocalDate effectiveOn, LocalDate today, Instant now) {
        AgreementVersion active = active().orElseThrow(() -> RuleViolation.conflict("AGREEMENT_NOT_ACTIVE",
                "Only an active agreement can be terminated."));
        if (active.terminationEffectiveOn != null) {
            throw RuleViolation.conflict("AGREEMENT_TERMINATING", "A termination is already recorded for "
                    + active.terminationEffectiveOn + ".");
        }
        LocalDate earliest = today.plusDays(active.terms.terminationNoticeDays());
        if (effectiveOn.isBefore(earliest)) {
            throw RuleViolation.unprocessable("TERMINATION_NOTICE_TOO_SHORT", "The agreement requires "
                    + active.terms.terminationNoticeDays() + " days' notice: effective on " + earliest
                    + " at the earliest.");
        }
        active.terminationReason = reason;
        active.terminationEffectiveOn = effectiveOn;
        pending().ifPresent(v -> {
            v.status = AgreementStatus.TERMINATED;
            v.endedAt = now;
        });
        boolean now_ = !effectiveOn.isAfter(today);
        if (now_) {
            end(active, AgreementStatus.TERMINATED, now);
        }
        return new Termination(active, now_);
    }

    public record Ending(AgreementVersion version, AgreementStatus how) {
    }

    /** What the date ends: a recorded termination on its day, the term after its last day. */
    public Optional<Ending> endDue(LocalDate today, Instant now) {
        Optional<AgreementVersion> active = active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        AgreementVersion v = active.get();
        if (v.terminationEffectiveOn != null && !v.terminationEffectiveOn.isAfter(today)) {
            end(v, AgreementStatus.TERMINATED, now);
            return Optional.of(new Ending(v, AgreementStatus.TERMINATED));
        }
        if (v.terms.endsOn().isBefore(today)) {
            end(v, AgreementStatus.EXPIRED, now);
            return Optional.of(new Ending(v, AgreementStatus.EXPIRED));
        }
        return Optional.empty();
    }

    private void end(AgreementVersion v, AgreementStatus how, Instant now) {
        v.status = how;
        v.endedAt = now;
        if (how == AgreementStatus.TERMINATED) {
            v.terminatedAt = now;
        }
    }

    public Optional<AgreementVersion> active() {
        return versions.stream().filter(v -> v.status == AgreementStatus.ACTIVE).findFirst();
    }

    /** The version awaiting the partner (a draft or a proposal), if any. */
    public Optional<AgreementVersion> pending() {
        AgreementVersion latest = latest();
        return latest.status == AgreementStatus.DRAFT || latest.status == AgreementStatus.PROPOSED
                ? Optional.of(latest) : Optional.empty();
    }

    public AgreementVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public UUID id() { return id; }
    public UUID partnerId() { return partnerId; }
    public List<AgreementVersion> versions() { return List.copyOf(versions); }
}
