package com.platform.user.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.platform.user.account.CallerAccount;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserView;
import com.platform.user.feedback.Feedback;
import com.platform.user.feedback.FeedbackBox;
import com.platform.user.identity.DocumentType;
import com.platform.user.identity.EnterpriseCertificationService;
import com.platform.user.identity.IdentityVerification;
import com.platform.user.identity.IdentityVerifications;
import com.platform.user.text.PlainName;
import com.platform.user.violation.Appeal;
import com.platform.user.violation.Violation;
import com.platform.user.violation.Violations;

/** U5, U7 for the caller's own account: profile (masked), correction, full export, closure. */
@RestController
@PreAuthorize("hasAnyRole('user', 'enterprise')")
class ProfileController {

    private final UserAccounts accounts;
    private final IdentityVerifications identities;
    private final EnterpriseCertificationService certifications;
    private final Violations violations;
    private final FeedbackBox feedback;
    private final AccountClosure closure;
    private final Clock clock;

    ProfileController(UserAccounts accounts, IdentityVerifications identities,
            EnterpriseCertificationService certifications, Violations violations, FeedbackBox feedback,
            AccountClosure closure, Clock clock) {
        this.accounts = accounts;
        this.identities = identities;
        this.certifications = certifications;
        this.violations = violations;
        this.feedback = feedback;
        this.closure = closure;
        this.clock = clock;
    }

    @GetMapping("/api/v1/users/me")
    UserView me() {
        return UserView.masked(accounts.get(CallerAccount.id()));
    }

    record ProfileChange(@PlainName String displayName) {
    }

    /** Contacts are not changed here: a new contact needs its own verification. */
    @PatchMapping("/api/v1/users/me")
    @Transactional
    UserView correct(@Valid @RequestBody ProfileChange change) {
        UserAccount account = accounts.get(CallerAccount.id());
        account.rename(change.displayName().strip(), clock.instant());
        accounts.update(account);
        return UserView.masked(account);
    }

    record IdentityRecord(UUID id, DocumentType documentType, String documentNumber, String legalName,
            IdentityVerification.Status status, Instant submittedAt, Instant decidedAt) {
    }

    record ViolationRecord(UUID id, String type, String severity, String description, Instant recordedAt,
            String penalty, Instant penaltyUntil, String penaltyState, boolean overturned, String overturnReason) {
    }

    record AppealRecord(UUID id, UUID violationId, String reason, Appeal.Status status, String decisionReason) {
    }

    record Export(Instant exportedAt, UserView account, List<IdentityRecord> identityVerifications,
            List<EnterpriseCertificationService.CertificationRecord> enterpriseCertifications,
            List<ViolationRecord> violations, List<AppealRecord> appeals, List<Feedback> feedback) {
    }

    /** U7: everything held about the caller, unmasked (it is their own data). */
    @GetMapping("/api/v1/users/me/export")
    Export export() {
        UUID me = CallerAccount.id();
        UserAccount account = accounts.get(me);
        return new Export(clock.instant(), UserView.unmasked(account),
                identities.ofUser(me).stream().map(v -> new IdentityRecord(v.id(), v.documentType(),
                        v.documentNumber(), v.legalName(), v.status(), v.submittedAt(), v.decidedAt().orElse(null)))
                        .toList(),
                certifications.ofUser(me),
                violations.allOfUser(me).stream().map(ProfileController::record).toList(),
                violations.appealsOfUser(me).stream().map(a -> new AppealRecord(a.id(), a.violationId(), a.reason(),
                        a.status(), a.decisionReason().orElse(null))).toList(),
                feedback.ofUser(me));
    }

    @DeleteMapping("/api/v1/users/me")
    ResponseEntity<Void> close() {
        closure.close(CallerAccount.id());
        return ResponseEntity.accepted().build();
    }

    private static ViolationRecord record(Violation v) {
        return new ViolationRecord(v.id(), v.type(), v.severity().name(), v.description(), v.recordedAt(),
                v.penaltyKind().name(), v.penaltyUntil().orElse(null), v.penaltyState().name(), v.overturned(),
                v.overturnReason().orElse(null));
    }
}
