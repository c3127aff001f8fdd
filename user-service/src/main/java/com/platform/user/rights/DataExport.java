package com.platform.user.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserView;
import com.platform.user.feedback.Feedback;
import com.platform.user.feedback.FeedbackBox;
import com.platform.user.identity.DocumentType;
import com.platform.user.identity.EnterpriseCertificationService;
import com.platform.user.identity.IdentityVerification;
import com.platform.user.identity.IdentityVerifications;
import com.platform.user.violation.Appeal;
import com.platform.user.violation.Violation;
import com.platform.user.violation.Violations;

/** U7: everything the service holds about one person, unmasked, for that person. */
@Component
class DataExport {

    private final UserAccounts accounts;
    private final IdentityVerifications identities;
    private final EnterpriseCertificationService certifications;
    private final Violations violations;
    private final FeedbackBox feedback;
    private final Clock clock;

    DataExport(UserAccounts accounts, IdentityVerifications identities, EnterpriseCertificationService certifications,
            Violations violations, FeedbackBox feedback, Clock clock) {
        this.accounts = accounts;
        this.identities = identities;
        this.certifications = certifications;
        this.violations = violations;
        this.feedback = feedback;
        this.clock = clock;
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

    Export of(UUID userId) {
        UserAccount account = accounts.get(userId);
        return new Export(clock.instant(), UserView.unmasked(account),
                identities.ofUser(userId).stream().map(v -> new IdentityRecord(v.id(), v.documentType(),
                        v.documentNumber(), v.legalName(), v.status(), v.submittedAt(), v.decidedAt().orElse(null)))
                        .toList(),
                certifications.ofUser(userId),
                violations.allOfUser(userId).stream().map(DataExport::record).toList(),
                violations.appealsOfUser(userId).stream().map(a -> new AppealRecord(a.id(), a.violationId(), a.reason(),
                        a.status(), a.decisionReason().orElse(null))).toList(),
                feedback.ofUser(userId));
    }

    private static ViolationRecord record(Violation v) {
        return new ViolationRecord(v.id(), v.type(), v.severity().name(), v.description(), v.recordedAt(),
                v.penaltyKind().name(), v.penaltyUntil().orElse(null), v.penaltyState().name(), v.overturned(),
                v.overturnReason().orElse(null));
    }
}
