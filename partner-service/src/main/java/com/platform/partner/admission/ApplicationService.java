package com.platform.partner.admission;

import com.platform.partner.partner.CreditCode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.partner.blacklist.Blacklist;
import com.platform.partner.partner.Partner;
import com.platform.partner.partner.PartnerEvents;
import com.platform.partner.partner.Partners;
import com.platform.partner.support.RuleViolation;
import com.platform.starter.audit.AuditTrail;

/**
 * P1-P3 use cases. The submission commits first (with the credit check pending and held by this request), the
 * bureau is asked outside any transaction, then its answer (or its silence) is recorded: a bureau outage loses
 * nothing, the retry job asks again, and nothing is admitted on a missing answer. Lock order: the application row,
 * then the partner row, then the audit entry.
 */
@Service
public class ApplicationService {

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

    private final Applications applications;
    private final Partners partners;
    private final Blacklist blacklist;
    private final CreditBureau bureau;
    private final AdmissionPolicy policy;
    private final PartnerEvents events;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ApplicationService(Applications applications, Partners partners, Blacklist blacklist, CreditBureau bureau,
            AdmissionPolicy policy, PartnerEvents events, AuditTrail audit, TransactionTemplate transaction,
            Clock clock) {
        this.applications = applications;
        this.partners = partners;
        this.blacklist = blacklist;
        this.bureau = bureau;
        this.policy = policy;
        this.events = events;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    record Snapshot(UUID id, ApplicationStatus status, UUID partnerId, List<Check> checks, List<String> reasons) {

        static Snapshot of(PartnerApplication a) {
            return new Snapshot(a.id(), a.status(), a.partnerId(), a.checks(), a.reasons());
        }
    }

    public PartnerApplication submit(PartnerApplication.Details details) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        PartnerApplication submitted = transaction.execute(status -> {
            if (applications.hasOpenApplication(details.creditCode().value())) {
                throw RuleViolation.conflict("APPLICATION_ALREADY_OPEN",
                        "An application or partner with this credit code already exists.");
            }
            Check blacklisted = blacklist.barring(details.creditCode().value(), today)
                    .map(e -> Check.failed(Check.NOT_BLACKLISTED, "on the partner blacklist"
                            + (e.expiresOn() == null ? "" : " until " + e.expiresOn())))
                    .orElse(Check.passed(Check.NOT_BLACKLISTED, "not on the partner blacklist"));
            PartnerApplication application = PartnerApplication.submit(details,
                    policy.documentChecks(details.type(), details.licenseExpiresOn(), details.qualifications(),
                            today), blacklisted, now, now.plus(policy.creditCallLease()));
            applications.insert(application);
            events.application(application.id(), PartnerEvents.APPLICATION_SUBMITTED,
                    new PartnerEvents.ApplicationSubmitted(application.id(), details.applicantId(), details.type(),
                            now));
            audit.record("partner-application.submit", "partner-application", application.id().toString(), null,
                    Snapshot.of(application));
            if (application.status() == ApplicationStatus.REJECTED) {
                published(application, new PartnerApplication.StatusChange(ApplicationStatus.SUBMITTED,
                        ApplicationStatus.REJECTED), now);
            }
            return application;
        });
        if (!submitted.awaitsCredit()) {
            return submitted;
        }
        return askBureau(submitted.id(), submitted.creditCode());
    }

    /** Asks the bureau again for every pending credit check whose time has come; safe on several instances. */
    public int retryPendingCreditChecks() {
        Instant now = clock.instant();
        List<PartnerApplication> claimed = transaction.execute(status -> applications
                .claimableCreditChecks(now, 20).stream()
                .map(id -> applications.findForUpdate(id).orElseThrow())
                .filter(a -> a.claimCreditCall(now, now.plus(policy.creditCallLease())))
                .peek(applications::update)
                .toList());
        int decided = 0;
        for (PartnerApplication application : claimed) {
            if (!askBureau(application.id(), application.creditCode()).awaitsCredit()) {
                decided++;
            }
        }
        return decided;
    }

    private PartnerApplication askBureau(UUID applicationId, CreditCode code) {
        CreditBureau.Answer answer;
        String failure = null;
        try {
            answer = bureau.score(code);
        }
        catch (CreditBureau.CreditBureauUnavailableException e) {
            log.warn("Credit bureau gave no answer for application {}: {}", applicationId, e.getMessage());
            answer = null;
            failure = "the credit bureau did not answer";
        }
        CreditBureau.Answer result = answer;
        String noAnswer = failure;
        return transaction.execute(status -> {
            Instant now = clock.instant();
            PartnerApplication application = applications.findForUpdate(applicationId).orElseThrow();
            Snapshot before = Snapshot.of(application);
            if (result == null) {
                application.creditUnanswered(noAnswer, now.plus(policy.creditRetryInterval()));
                applications.update(application);
                return application;
            }
            var change = application.creditAnswered(policy.creditCheck(result), now);
            applications.update(application);
            audit.recordAs("system:admission-checks", "partner-application.credit-checked", "partner-application",
                    application.id().toString(), before, Snapshot.of(application));
            change.ifPresent(c -> published(application, c, now));
            return application;
        });
    }

    public record ReviewResult(PartnerApplication application, PartnerApplication.ReviewOutcome outcome) {
    }

    public ReviewResult review(UUID applicationId, String reviewerId, String reviewerEmail, Review.Decision decision,
            List<String> reasons) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            PartnerApplication application = applications.findForUpdate(applicationId)
                    .orElseThrow(Applications::unknown);
            Snapshot before = Snapshot.of(application);
            ApplicationStatus from = application.status();
            PartnerApplication.ReviewOutcome outcome = application.review(reviewerId, reviewerEmail, decision,
                    reasons, now);
            if (outcome == PartnerApplication.ReviewOutcome.APPROVED) {
                Partner partner = Partner.admit(application.id(), application.applicantId(),
                        application.companyName(), application.creditCode().value(), application.type(),
                        application.contacts(), now);
                application.admittedAs(partner.id());
                applications.update(application);
                partners.insert(partner);
                events.application(application.id(), PartnerEvents.ADMITTED, new PartnerEvents.Admitted(
                        application.id(), partner.id(), partner.type(), now));
                audit.record("partner.admit", "partner", partner.id().toString(), null,
                        Map.of("status", partner.status(), "applicationId", application.id()));
            }
            else {
                applications.update(application);
                if (outcome == PartnerApplication.ReviewOutcome.REJECTED) {
                    published(application, new PartnerApplication.StatusChange(from, ApplicationStatus.REJECTED),
                            now);
                }
            }
            audit.record("partner-application.review", "partner-application", application.id().toString(), before,
                    Map.of("decision", decision, "reasons", reasons, "outcome", outcome, "status",
                            application.status()));
            return new ReviewResult(application, outcome);
        });
    }

    public record ApplicationStatusChanged(UUID applicationId, ApplicationStatus from, ApplicationStatus to,
            Instant occurredAt) {
    }

    /** Publishes an application's transition (rejection with its reasons; the others as status changes). */
    void published(PartnerApplication application, PartnerApplication.StatusChange change, Instant now) {
        if (change.to() == ApplicationStatus.REJECTED) {
            events.application(application.id(), PartnerEvents.APPLICATION_REJECTED,
                    new PartnerEvents.ApplicationRejected(application.id(), application.reasons(), now));
        }
        else {
            events.application(application.id(), "partner.application-status-changed",
                    new ApplicationStatusChanged(application.id(), change.from(), change.to(), now));
        }
    }

    /** P3: the first signature makes the application contracted and active (inside the signature's transaction). */
    public void contracted(UUID applicationId) {
        Instant now = clock.instant();
        PartnerApplication application = applications.findForUpdate(applicationId).orElseThrow();
        List<PartnerApplication.StatusChange> changes = application.contractedAndActive();
        if (changes.isEmpty()) {
            return;
        }
        applications.update(application);
        changes.forEach(c -> published(application, c, now));
        audit.record("partner-application.contracted", "partner-application", applicationId.toString(),
                Map.of("status", changes.get(0).from()), Map.of("status", application.status()));
    }
}
