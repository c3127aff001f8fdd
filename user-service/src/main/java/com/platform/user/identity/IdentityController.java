package com.platform.user.identity;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.user.account.CallerAccount;
import com.platform.user.account.VerificationLevel;
import com.platform.user.text.PlainName;

/** U4 for the caller's own account: real-name verification (L2) and enterprise certification (L3). */
@RestController
class IdentityController {

    private final IdentityVerificationService verifications;
    private final EnterpriseCertificationService certifications;

    IdentityController(IdentityVerificationService verifications, EnterpriseCertificationService certifications) {
        this.verifications = verifications;
        this.certifications = certifications;
    }

    record VerificationRequest(
            @PlainName String legalName,
            @NotNull DocumentType documentType,
            @NotBlank @Size(max = 32) String documentNumber) {

        @Override
        public String toString() {
            return "VerificationRequest[" + documentType + "]";
        }
    }

    record VerificationResponse(UUID id, IdentityVerification.Status status, VerificationLevel level) {
    }

    @PostMapping("/api/v1/users/me/identity-verifications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    VerificationResponse verify(@Valid @RequestBody VerificationRequest request) {
        IdentityVerificationService.Outcome outcome = verifications.submit(CallerAccount.id(), request.legalName().strip(),
                request.documentType(), request.documentNumber());
        return new VerificationResponse(outcome.id(), outcome.status(), outcome.level());
    }

    record CertificationRequest(
            @PlainName String companyName,
            @NotBlank @Size(max = 18) String creditCode,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be 1-32 letters, digits or -") String licenseNumber,
            @NotNull LocalDate licenseExpiresOn) {
    }

    record CertificationResponse(UUID id, String status, VerificationLevel level) {
    }

    @PostMapping("/api/v1/users/me/enterprise-certifications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('enterprise')")
    CertificationResponse certify(@Valid @RequestBody CertificationRequest request) {
        EnterpriseCertificationService.Certification certification = certifications.certify(CallerAccount.id(),
                request.companyName().strip(), request.creditCode(), request.licenseNumber(),
                request.licenseExpiresOn());
        return new CertificationResponse(certification.id(), certification.status(), certification.level());
    }
}
