package com.platform.partner.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.partner.admission.ApplicationService;
import com.platform.partner.credentials.CredentialService;
import com.platform.partner.credentials.PartnerClients;
import com.platform.partner.partner.Partner;
import com.platform.partner.partner.PartnerAccess;
import com.platform.partner.partner.PartnerEvents;
import com.platform.partner.partner.Partners;
import com.platform.partner.support.RuleViolation;
import com.platform.starter.audit.AuditTrail;
import com.platform.starter.security.CurrentCaller;

/**
 * P4 use cases and the first signature's API client (P7). Lock order: the partner row, then the agreement row,
 * then the audit entry. Every change that moves the partner's quota writes a {@code partner.quota-set} in the same
 * transaction ({@link #publishQuota}).
 */
@Service
public class AgreementService {

    private static final Logger log = LoggerFactory.getLogger(AgreementService.class);

    private final Agreements agreements;
    private final Partners partners;
    private final AgreementEvents agreementEvents;
    private final PartnerEvents events;
    private final QuotaPolicy quotas;
    private final PartnerClients clients;
    private final CredentialService credentials;
    private final ApplicationService applications;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AgreementService(Agreements agreements, Partners partners, AgreementEvents agreementEvents, PartnerEvents events,
            QuotaPolicy quotas, PartnerClients clients, CredentialService credentials,
            ApplicationService applications, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.agreements = agreements;
        this.partners = partners;
        this.agreementEvents = agreementEvents;
        this.events = events;
        this.quotas = quotas;
        this.clients = clients;
        this.credentials = credentials;
        this.applications = applications;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    record VersionSnapshot(UUID agreementId, int version, AgreementStatus status, LocalDate terminationEffectiveOn) {

        static VersionSnapshot of(AgreementVersion v) {
            return v == null ? null : new VersionSnapshot(v.agreementId(), v.version(), v.status(),
                    v.terminationEffectiveOn());
        }
    }

    public Agreement draft(UUID partnerId, Terms terms) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            Partner partner = partners.getForUpdate(partnerId);
            if (!partner.status().isOpen()) {
                throw RuleViolation.conflict("PARTNER_TERMINATED", "The partner is terminated.");
            }
            if (agreements.hasPendingVersion(partnerId)) {
                throw RuleViolation.conflict("AGREEMENT_PENDING",
                        "An agreement version already awaits the partner's acceptance.");
            }
            if (agreements.hadAgreement(partnerId) && !partner.mayRenew()) {
                throw RuleViolation.conflict("RENEWAL_NOT_ALLOWED",
                        "Renewal is allowed only for partners graded A or B (grade " + partner.grade() + ").");
            }
            Agreement agreement = Agreement.draft(partnerId, terms, CurrentCaller.get().actor(), now);
            agreements.insert(agreement, now);
            audit.record("agreement.draft", "agreement", agreement.id().toString(), null,
                    VersionSnapshot.of(agreement.latest()));
            return agreement;
        });
    }

    public Agreement propose(UUID partnerId, UUID agreementId) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            partners.getForUpdate(partnerId);
            Agreement agreement = load(partnerId, agreementId);
            VersionSnapshot before = VersionSnapshot.of(agreement.latest());
            AgreementVersion proposed = agreement.propose(now);
            agreements.save(agreement);
            agreementEvents.publish(AgreementEvents.PROPOSED, proposed, now);
            audit.record("agreement.propose", "agreement", agreementId.toString(), before,
                    VersionSnapshot.of(proposed));
            return agreement;
        });
    }

    public Agreement amend(UUID partnerId, UUID agreementId, Terms terms) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            Partner partner = partners.getForUpdate(partnerId);
            if (!partner.status().isOpen()) {
                throw RuleViolation.conflict("PARTNER_TERMINATED", "The partner is terminated.");
            }
            Agreement agreement = load(partnerId, agreementId);
            AgreementVersion amendment = agreement.amend(terms, CurrentCaller.get().actor(), now);
            agreements.save(agreement);
            agreementEvents.publish(AgreementEvents.PROPOSED, amendment, now);
            audit.record("agreement.amend", "agreement", agreementId.toString(),
                    VersionSnapshot.of(agreement.active().orElse(null)), VersionSnapshot.of(amendment));
            return agreement;
        });
    }

    public record Signature(Agreement agreement, AgreementVersion accepted, PartnerClients.Credentials client) {
    }

    /**
     * The partner signs. The first signature creates its API client first (Keycloak, outside the transaction),
     * then records everything in one transaction; if that fails the client is removed again unless another
     * signature meanwhile recorded it.
     */
    public Signature accept(UUID partnerId, UUID agreementId, Integer expectedVersion) {
        Partner partner = PartnerAccess.requireOwnOr(partners.get(partnerId));
        Agreement current = load(partnerId, agreementId);
        if (current.pending().filter(v -> v.status() == AgreementStatus.PROPOSED).isEmpty()) {
            throw RuleViolation.conflict("AGREEMENT_NOT_PROPOSED", "No version of this agreement awaits acceptance.");
        }
        PartnerClients.Credentials client = null;
        if (partner.clientState() == Partner.ClientState.NONE && partner.status().isOpen()) {
            client = unavailableAs503(() -> clients.create(partnerId));
        }
        PartnerClients.Credentials issued = client;
        String signer = CurrentCaller.get().actor();
        try {
            return transaction.execute(status -> {
                Instant now = clock.instant();
                LocalDate today = LocalDate.now(clock);
                Partner locked = partners.getForUpdate(partnerId);
                Agreement agreement = load(partnerId, agreementId);
                // another agreement of the partner may be active (a renewal): it ends with this signature
                Optional<AgreementVersion> otherActive = agreements.activeVersionOf(partnerId)
                        .filter(v -> !v.agreementId().equals(agreementId));
                Agreement.Acceptance acceptance = agreement.accept(expectedVersion, signer, today, now);
                otherActive.ifPresent(v -> {
                    Agreement other = agreements.findForUpdate(v.agreementId()).orElseThrow();
                    other.supersededByAnother(now);
                    agreements.save(other);
                });
                agreements.save(agreement);
                boolean firstClient = issued != null && locked.clientState() == Partner.ClientState.NONE;
                locked.signed(firstClient ? issued.clientId() : null, now)
                        .ifPresent(change -> events.statusChanged(locked, change, now));
                partners.update(locked);
                applications.contracted(locked.applicationId());
                agreementEvents.publish(acceptance.amendment() ? AgreementEvents.AMENDED : AgreementEvents.SIGNED,
                        acceptance.accepted(), now);
                publishQuota(locked, Optional.of(acceptance.accepted()), now);
                audit.record(acceptance.amendment() ? "agreement.accept-amendment" : "agreement.sign", "agreement",
                        agreementId.toString(), VersionSnapshot.of(acceptance.superseded().orElse(null)),
                        Map.of("version", acceptance.accepted().version(), "status", "ACTIVE", "apiClient",
                                firstClient ? issued.clientId() : "unchanged"));
                return new Signature(agreement, acceptance.accepted(), firstClient ? issued : null);
            });
        }
        catch (RuntimeException e) {
            if (issued != null && partners.get(partnerId).clientState() == Partner.ClientState.NONE) {
                try {
                    clients.delete(issued.clientId());
                }
                catch (RuntimeException compensation) {
                    log.warn("Could not remove the API client of partner {} after a failed signature", partnerId);
                }
            }
            throw e;
        }
    }

    public Agreement terminate(UUID partnerId, UUID agreementId, String reason, LocalDate effectiveOn) {
        Agreement result = transaction.execute(status -> {
            Instant now = clock.instant();
            Partner partner = partners.getForUpdate(partnerId);
            Agreement agreement = load(partnerId, agreementId);
            VersionSnapshot before = VersionSnapshot.of(agreement.active().orElse(null));
            Agreement.Termination termination = agreement.terminate(reason, effectiveOn, LocalDate.now(clock), now);
            agreements.save(agreement);
            agreementEvents.publish(AgreementEvents.TERMINATED, termination.version(), effectiveOn, null, now);
            if (termination.effectiveNow()) {
                ended(partner, termination.version(), reason, now);
            }
            audit.record("agreement.terminate", "agreement", agreementId.toString(), before,
                    Map.of("version", termination.version().version(), "status", termination.version().status(),
                            "effectiveOn", effectiveOn, "reason", reason));
            return agreement;
        });
        credentials.revoke(partnerId);
        return result;
    }

    /**
     * P6 grade D: the active agreement is terminated per its terms (effective after its notice), inside the
     * caller's transaction (the partner row is already locked). Returns the version, if there was one.
     */
    public Optional<AgreementVersion> terminateForGradeD(Partner partner, String reason, Instant now) {
        Optional<AgreementVersion> active = agreements.activeVersionOf(partner.id());
        if (active.isEmpty() || active.get().terminationEffectiveOn() != null) {
            return active;
        }
        Agreement agreement = agreements.findForUpdate(active.get().agreementId()).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        LocalDate effectiveOn = today.plusDays(active.get().terms().terminationNoticeDays());
        Agreement.Termination termination = agreement.terminate(reason, effectiveOn, today, now);
        agreements.save(agreement);
        agreementEvents.publish(AgreementEvents.TERMINATED, termination.version(), effectiveOn, null, now);
        if (termination.effectiveNow()) {
            ended(partner, termination.version(), reason, now);
        }
        return Optional.of(termination.version());
    }

    /** Ends what today ends (recorded terminations on their day, terms that are over); returns how many. */
    public int endDue() {
        LocalDate today = LocalDate.now(clock);
        int ended = 0;
        for (UUID agreementId : agreements.dueForEnding(today)) {
            UUID partnerId = agreements.find(agreementId).map(Agreement::partnerId).orElse(null);
            if (partnerId == null) {
                continue;
            }
            Boolean done = transaction.execute(status -> {
                Instant now = clock.instant();
                Partner partner = partners.getForUpdate(partnerId);
                Agreement agreement = agreements.findForUpdate(agreementId).orElseThrow();
                Optional<Agreement.Ending> ending = agreement.endDue(LocalDate.now(clock), now);
                if (ending.isEmpty()) {
                    return false;
                }
                agreements.save(agreement);
                AgreementVersion v = ending.get().version();
                if (ending.get().how() == AgreementStatus.EXPIRED) {
                    agreementEvents.publish(AgreementEvents.EXPIRED, v, now);
                    publishQuota(partner, Optional.empty(), now);
                    audit.recordAs("system:agreement-expiry", "agreement.expire", "agreement",
                            agreementId.toString(), Map.of("status", "ACTIVE"), Map.of("status", "EXPIRED"));
                }
                else {
                    ended(partner, v, v.terminationReason(), now);
                    audit.recordAs("system:agreement-expiry", "agreement.termination-effective", "agreement",
                            agreementId.toString(), Map.of("status", "ACTIVE"), Map.of("status", "TERMINATED"));
                }
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                ended++;
                credentials.revoke(partnerId);
            }
        }
        return ended;
    }

    /** A termination took effect: the partner is terminated, its client to revoke, its quota 0. */
    private void ended(Partner partner, AgreementVersion version, String reason, Instant now) {
        partner.terminate("agreement " + version.agreementId() + " terminated: " + reason, now)
                .ifPresent(change -> events.statusChanged(partner, change, now));
        partners.update(partner);
        publishQuota(partner, Optional.empty(), now);
    }

    /** Writes the partner's current quota for the gateway (inside the caller's transaction). */
    public void publishQuota(Partner partner, Optional<AgreementVersion> active, Instant now) {
        events.quotaSet(quotas.quotaOf(partner, active, now));
    }

    public void publishQuota(Partner partner, Instant now) {
        publishQuota(partner, agreements.activeVersionOf(partner.id()), now);
    }

    private Agreement load(UUID partnerId, UUID agreementId) {
        return agreements.findForUpdate(agreementId).filter(a -> a.partnerId().equals(partnerId))
                .orElseThrow(Agreements::unknown);
    }

    private static <T> T unavailableAs503(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        }
        catch (PartnerClients.PartnerClientsUnavailableException e) {
            throw new RuleViolation(RuleViolation.Kind.UNAVAILABLE, "IDENTITY_PROVIDER_UNAVAILABLE",
                    "The identity provider is unavailable; try again shortly.");
        }
    }
}
