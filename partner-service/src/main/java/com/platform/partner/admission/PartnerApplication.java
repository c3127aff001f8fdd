package com.platform.partner.admission;

import com.platform.partner.partner.CreditCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.platform.partner.partner.Contact;
import com.platform.partner.partner.PartnerType;
import com.platform.partner.support.RuleViolation;

/**
 * An application for admission (P1-P3) and its whole flow: SUBMITTED while an automatic check is pending,
 * UNDER_REVIEW once all passed, REJECTED as soon as one failed (its detail is the reason), then reviews: one
 * approval, or two by distinct operators for a payment institution (four eyes), make it APPROVED; any rejection
 * makes it REJECTED. A reviewer who submitted the application or is one of its contacts is refused
 * ({@code REVIEWER_CONFLICT}). The first signed agreement makes it CONTRACTED and then ACTIVE. Every transition
 * returns the change; a wrong one throws.
 */
public class PartnerApplication {

    private final UUID id;
    private final String applicantId;
    private final String companyName;
    private final CreditCode creditCode;
    private final PartnerType type;
    private final String licenseNumber;
    private final LocalDate licenseExpiresOn;
    private final List<Qualification> qualifications;
    private final List<Contact> contacts;
    private final List<String> serviceRegions;
    private final List<String> capabilities;
    private ApplicationStatus status;
    private final List<Check> checks;
    private final List<Review> reviews;
    private final List<String> reasons;
    private UUID partnerId;
    private Instant creditCheckDueAt;
    private int creditCheckAttempts;
    private final Instant submittedAt;
    private Instant decidedAt;

    public record Details(String applicantId, String companyName, CreditCode creditCode, PartnerType type,
            String licenseNumber, LocalDate licenseExpiresOn, List<Qualification> qualifications,
            List<Contact> contacts, List<String> serviceRegions, List<String> capabilities) {
    }

    public record StatusChange(ApplicationStatus from, ApplicationStatus to) {
    }

    private PartnerApplication(UUID id, Details d, ApplicationStatus status, List<Check> checks,
            List<Review> reviews, List<String> reasons, UUID partnerId, Instant creditCheckDueAt,
            int creditCheckAttempts, Instant submittedAt, Instant decidedAt) {
        this.id = id;
        this.applicantId = d.applicantId();
        this.companyName = d.companyName();
        this.creditCode = d.creditCode();
        this.type = d.type();
        this.licenseNumber = d.licenseNumber();
        this.licenseExpiresOn = d.licenseExpiresOn();
        this.qualifications = List.copyOf(d.qualifications());
        this.contacts = List.copyOf(d.contacts());
        this.serviceRegions = List.copyOf(d.serviceRegions());
        this.capabilities = List.copyOf(d.capabilities());
        this.status = status;
        this.checks = new ArrayList<>(checks);
        this.reviews = new ArrayList<>(reviews);
        this.reasons = new ArrayList<>(reasons);
        this.partnerId = partnerId;
        this.creditCheckDueAt = creditCheckDueAt;
        this.creditCheckAttempts = creditCheckAttempts;
        this.submittedAt = submittedAt;
        this.decidedAt = decidedAt;
    }

    /**
     * P1/P2: submitted with the checks decided so far; the credit check starts pending, held by the submitting
     * request ({@code creditCallLease}) while it asks the bureau.
     */
    public static PartnerApplication submit(Details details, List<Check> documentChecks, Check blacklist,
            Instant now, Instant creditCallLeaseUntil) {
        List<Check> checks = new ArrayList<>(documentChecks);
        checks.add(blacklist);
        checks.add(Check.pending(Check.CREDIT_STANDING, "awaiting the credit bureau"));
        PartnerApplication application = new PartnerApplication(UUID.randomUUID(), details,
                ApplicationStatus.SUBMITTED, checks, List.of(), List.of(), null, creditCallLeaseUntil, 0, now, null);
        application.settleChecks(now);
        return application;
    }

    public static PartnerApplication restore(UUID id, Details details, ApplicationStatus status, List<Check> checks,
            List<Review> reviews, List<String> reasons, UUID partnerId, Instant creditCheckDueAt,
            int creditCheckAttempts, Instant submittedAt, Instant decidedAt) {
        return new PartnerApplication(id, details, status, checks, reviews, reasons, partnerId, creditCheckDueAt,
                creditCheckAttempts, submittedAt, decidedAt);
    }

    /** Whether the credit check still waits for the bureau (and so may be claimed for a call). */
    public boolean awaitsCredit() {
        return status == ApplicationStatus.SUBMITTED && creditCheckDueAt != null;
    }

    /** Claims the bureau call for this instance until {@code leaseUntil}; false if not due or not pending. */
    public boolean claimCreditCall(Instant now, Instant leaseUntil) {
        if (!awaitsCredit() || creditCheckDueAt.isAfter(now)) {
            return false;
        }
        creditCheckDueAt = leaseUntil;
        return true;
    }

    /** The bureau answered: the credit check is decided and the application moves on. */
    public Optional<StatusChange> creditAnswered(Check credit, Instant now) {
        if (!awaitsCredit()) {
            return Optional.empty();
        }
        creditCheckAttempts++;
        creditCheckDueAt = null;
        replaceCheck(credit);
        return settleChecks(now);
    }

    /** No answer: the check stays pending and is asked again at {@code retryAt}; nothing is admitted on it. */
    public void creditUnanswered(String detail, Instant retryAt) {
        if (!awaitsCredit()) {
            return;
        }
        creditCheckAttempts++;
        creditCheckDueAt = retryAt;
        replaceCheck(Check.pending(Check.CREDIT_STANDING, detail + "; asked " + creditCheckAttempts
                + " time(s), asking again"));
    }

    private void replaceCheck(Check check) {
        checks.removeIf(c -> c.name().equals(check.name()));
        checks.add(check);
    }

    /** Any failed check rejects; all passed means review; otherwise it waits. */
    private Optional<StatusChange> settleChecks(Instant now) {
        List<String> failed = checks.stream().filter(Check::failed).map(c -> c.name() + ": " + c.detail()).toList();
        if (!failed.isEmpty()) {
            reasons.addAll(failed);
            creditCheckDueAt = null;
            decidedAt = now;
            return Optional.of(move(ApplicationStatus.REJECTED));
        }
        if (checks.stream().anyMatch(Check::pending)) {
            return Optional.empty();
        }
        return Optional.of(move(ApplicationStatus.UNDER_REVIEW));
    }

    public enum ReviewOutcome { AWAITING_SECOND_APPROVAL, APPROVED, REJECTED }

    /** P3: one operator's review. {@code reviewerEmail} is the reviewer's token e-mail, if any. */
    public ReviewOutcome review(String reviewerId, String reviewerEmail, Review.Decision decision,
            List<String> decisionReasons, Instant now) {
        if (status != ApplicationStatus.UNDER_REVIEW) {
            throw RuleViolation.conflict("APPLICATION_NOT_UNDER_REVIEW",
                    "The application is " + status + ", not under review.");
        }
        if (isLinkedTo(reviewerId, reviewerEmail)) {
            throw RuleViolation.forbidden("REVIEWER_CONFLICT",
                    "A reviewer may not review an application it submitted or is a contact of.");
        }
        if (reviews.stream().anyMatch(r -> r.reviewerId().equals(reviewerId))) {
            throw RuleViolation.conflict("ALREADY_REVIEWED",
                    "This reviewer has already reviewed the application; another operator must approve it.");
        }
        reviews.add(new Review(reviewerId, decision, List.copyOf(decisionReasons), now));
        if (decision == Review.Decision.REJECT) {
            reasons.addAll(decisionReasons);
            decidedAt = now;
            move(ApplicationStatus.REJECTED);
            return ReviewOutcome.REJECTED;
        }
        long approvers = reviews.stream().filter(r -> r.decision() == Review.Decision.APPROVE)
                .map(Review::reviewerId).distinct().count();
        if (approvers < approvalsNeeded()) {
            return ReviewOutcome.AWAITING_SECOND_APPROVAL;
        }
        reasons.addAll(decisionReasons);
        decidedAt = now;
        move(ApplicationStatus.APPROVED);
        return ReviewOutcome.APPROVED;
    }

    /** P3: payment institutions need two distinct approvers (four eyes). */
    public int approvalsNeeded() {
        return type == PartnerType.PAYMENT_INSTITUTION ? 2 : 1;
    }

    private boolean isLinkedTo(String reviewerId, String reviewerEmail) {
        if (applicantId.equals(reviewerId)) {
            return true;
        }
        return contacts.stream().anyMatch(c -> reviewerId.equals(c.userId()) || (reviewerEmail != null
                && c.email() != null && c.email().toLowerCase(Locale.ROOT)
                        .equals(reviewerEmail.toLowerCase(Locale.ROOT))));
    }

    public void admittedAs(UUID newPartnerId) {
        if (status != ApplicationStatus.APPROVED || partnerId != null) {
            throw RuleViolation.conflict("APPLICATION_NOT_APPROVED", "The application is not approved.");
        }
        partnerId = newPartnerId;
    }

    /** The first agreement was signed: contracted, and active with it (P3). */
    public List<StatusChange> contractedAndActive() {
        if (status != ApplicationStatus.APPROVED) {
            return List.of();
        }
        return List.of(move(ApplicationStatus.CONTRACTED), move(ApplicationStatus.ACTIVE));
    }

    private StatusChange move(ApplicationStatus to) {
        StatusChange change = new StatusChange(status, to);
        status = to;
        return change;
    }

    public Details details() {
        return new Details(applicantId, companyName, creditCode, type, licenseNumber, licenseExpiresOn,
                qualifications, contacts, serviceRegions, capabilities);
    }

    public UUID id() { return id; }
    public String applicantId() { return applicantId; }
    public String companyName() { return companyName; }
    public CreditCode creditCode() { return creditCode; }
    public PartnerType type() { return type; }
    public String licenseNumber() { return licenseNumber; }
    public LocalDate licenseExpiresOn() { return licenseExpiresOn; }
    public List<Qualification> qualifications() { return qualifications; }
    public List<Contact> contacts() { return contacts; }
    public List<String> serviceRegions() { return serviceRegions; }
    public List<String> capabilities() { return capabilities; }
    public ApplicationStatus status() { return status; }
    public List<Check> checks() { return List.copyOf(checks); }
    public List<Review> reviews() { return List.copyOf(reviews); }
    public List<String> reasons() { return List.copyOf(reasons); }
    public UUID partnerId() { return partnerId; }
    public Instant creditCheckDueAt() { return creditCheckDueAt; }
    public int creditCheckAttempts() { return creditCheckAttempts; }
    public Instant submittedAt() { return submittedAt; }
    public Instant decidedAt() { return decidedAt; }
}
