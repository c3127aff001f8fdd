package com.platform.partner.admission;

import com.platform.partner.partner.CreditCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.partner.partner.Contact;
import com.platform.partner.partner.PartnerType;
import com.platform.partner.support.FreeText;
import com.platform.starter.paging.PageQuery;
import com.platform.starter.paging.PageResponse;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;

/** P1-P3 over HTTP: an enterprise applies, operators review, applicant and staff follow the outcome. */
@RestController
class ApplicationController {

    private final ApplicationService service;
    private final Applications applications;

    ApplicationController(ApplicationService service, Applications applications) {
        this.service = service;
        this.applications = applications;
    }

    record QualificationRequest(@NotNull QualificationKind kind,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be 1-32 letters, digits or -")
            String number,
            @NotNull LocalDate expiresOn) {
    }

    record ContactRequest(@NotBlank @Size(max = 64) @FreeText String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9]{6,20}", message = "must be 6-20 digits with an optional leading +")
            String phone,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be a platform user id") String userId) {

        @Override
        public String toString() {
            return "ContactRequest[****]";
        }
    }

    record ApplicationRequest(
            @NotBlank @Size(max = 128) @FreeText String companyName,
            @NotBlank @Size(max = 18) String creditCode,
            @NotNull PartnerType type,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be 1-32 letters, digits or -")
            String licenseNumber,
            @NotNull LocalDate licenseExpiresOn,
            @NotNull @Size(max = 10) List<@NotNull @Valid QualificationRequest> qualifications,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid ContactRequest> contacts,
            @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,16}",
                    message = "must be a region code of 1-16 letters, digits or -") String> serviceRegions,
            @NotEmpty @Size(max = 30) List<@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}",
                    message = "must be 1-32 letters, digits, _ or -") String> capabilities) {
    }

    record CheckView(String name, boolean passed, boolean pending, String detail) {
    }

    record ReviewView(String reviewerId, Review.Decision decision, List<String> reasons, Instant reviewedAt) {
    }

    record ContactView(String name, String email, String phone, String userId) {
    }

    record QualificationView(QualificationKind kind, String number, LocalDate expiresOn) {
    }

    record ApplicationView(UUID id, String applicantId, String companyName, String creditCode, PartnerType type,
            String licenseNumber, LocalDate licenseExpiresOn, List<QualificationView> qualifications,
            List<ContactView> contacts, List<String> serviceRegions, List<String> capabilities,
            ApplicationStatus status, List<CheckView> checks, List<ReviewView> reviews, List<String> reasons,
            int approvalsNeeded, UUID partnerId, Instant submittedAt, Instant decidedAt) {
    }

    @PostMapping("/api/v1/partner-applications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('enterprise')")
    ApplicationView apply(@Valid @RequestBody ApplicationRequest request) {
        CreditCode code = CreditCode.parse(request.creditCode()).orElseThrow(() -> PlatformException.invalidField(
                "creditCode", "is not a valid unified social credit code (18 characters, check character)"));
        var details = new PartnerApplication.Details(CurrentCaller.get().subject(), request.companyName().strip(),
                code, request.type(), request.licenseNumber(), request.licenseExpiresOn(),
                request.qualifications().stream().map(q -> new Qualification(q.kind(), q.number(), q.expiresOn()))
                        .toList(),
                request.contacts().stream().map(c -> new Contact(c.name().strip(), c.email().strip(), c.phone(),
                        c.userId())).toList(),
                List.copyOf(request.serviceRegions()), List.copyOf(request.capabilities()));
        return view(service.submit(details), true);
    }

    @GetMapping("/api/v1/partner-applications/{id}")
    @PreAuthorize("hasAnyRole('enterprise', 'operator', 'auditor')")
    ApplicationView read(@PathVariable UUID id) {
        CurrentCaller caller = CurrentCaller.get();
        PartnerApplication application = applications.find(id).orElseThrow(Applications::unknown);
        boolean staff = caller.hasAnyRole("operator", "auditor");
        if (!staff && !application.applicantId().equals(caller.subject())) {
            throw Applications.unknown();
        }
        return view(application, caller.hasRole("operator") || application.applicantId().equals(caller.subject()));
    }

    @GetMapping("/api/v1/partner-applications")
    @PreAuthorize("hasAnyRole('operator', 'auditor')")
    PageResponse<ApplicationView> list(@RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) PartnerType type, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        boolean operator = CurrentCaller.get().hasRole("operator");
        return applications.list(status, type, PageQuery.of(page, size)).map(a -> view(a, operator));
    }

    record ReviewRequest(@NotNull Review.Decision decision,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 500) @FreeText String> reasons) {
    }

    record ReviewResponse(UUID id, ApplicationStatus status, PartnerApplication.ReviewOutcome outcome,
            UUID partnerId, List<ReviewView> reviews, int approvalsNeeded) {
    }

    @PostMapping("/api/v1/partner-applications/{id}/reviews")
    @PreAuthorize("hasRole('operator')")
    ReviewResponse review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
        ApplicationService.ReviewResult result = service.review(id, CurrentCaller.get().actor(), callerEmail(),
                request.decision(), request.reasons().stream().map(String::strip).toList());
        PartnerApplication a = result.application();
        return new ReviewResponse(a.id(), a.status(), result.outcome(), a.partnerId(), reviews(a),
                a.approvalsNeeded());
    }

    private static String callerEmail() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getClaimAsString("email");
        }
        return null;
    }

    private static List<ReviewView> reviews(PartnerApplication a) {
        return a.reviews().stream().map(r -> new ReviewView(r.reviewerId(), r.decision(), r.reasons(),
                r.reviewedAt())).toList();
    }

    private static ApplicationView view(PartnerApplication a, boolean withContacts) {
        return new ApplicationView(a.id(), a.applicantId(), a.companyName(), a.creditCode().value(), a.type(),
                a.licenseNumber(), a.licenseExpiresOn(),
                a.qualifications().stream().map(q -> new QualificationView(q.kind(), q.number(), q.expiresOn()))
                        .toList(),
                withContacts ? a.contacts().stream().map(c -> new ContactView(c.name(), c.email(), c.phone(),
                        c.userId())).toList() : List.of(),
                a.serviceRegions(), a.capabilities(), a.status(),
                a.checks().stream().map(c -> new CheckView(c.name(), c.passed(), c.pending(), c.detail())).toList(),
                reviews(a), a.reasons(), a.approvalsNeeded(), a.partnerId(), a.submittedAt(), a.decidedAt());
    }
}
