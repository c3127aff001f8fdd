package com.platform.user.registration;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.platform.starter.problem.PlatformException;
import com.platform.starter.problem.Problems;
import com.platform.user.account.AccountType;
import com.platform.user.account.VerificationLevel;
import com.platform.user.text.PlainName;

/** U1-U3, public: register by e-mail or phone, enter the code, ask for another one. */
@RestController
@RequestMapping("/api/v1/registrations")
class RegistrationController {

    private final RegistrationService registrations;
    private final Problems problems;

    RegistrationController(RegistrationService registrations, Problems problems) {
        this.registrations = registrations;
        this.problems = problems;
    }

    record RegistrationRequest(
            @NotNull Channel channel,
            @Size(max = 254) String email,
            @Size(max = 32) String phone,
            @NotBlank @Size(min = 8, max = 128) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters") String password,
            @PlainName String displayName,
            AccountType accountType) {

        @Override
        public String toString() {
            return "RegistrationRequest[" + channel + "]";
        }
    }

    record RegistrationResponse(UUID registrationId, UUID userId, String status) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationResponse register(@Valid @RequestBody RegistrationRequest request) {
        RegistrationService.Registered registered = registrations.register(toCommand(request));
        return new RegistrationResponse(registered.registrationId(), registered.userId(), "PENDING_VERIFICATION");
    }

    record CodeRequest(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be the 6 digits we sent") String code) {
    }

    record VerificationResponse(UUID userId, VerificationLevel level) {
    }

    @PostMapping("/{registrationId}/verification")
    VerificationResponse verify(@PathVariable UUID registrationId, @Valid @RequestBody CodeRequest request) {
        RegistrationService.Verified verified = registrations.verify(registrationId, request.code());
        return new VerificationResponse(verified.userId(), verified.level());
    }

    @PostMapping("/{registrationId}/resend")
    ResponseEntity<Void> resend(@PathVariable UUID registrationId) {
        registrations.resend(registrationId);
        return ResponseEntity.accepted().build();
    }

    @ExceptionHandler(RegistrationProblems.ResendTooSoonException.class)
    ResponseEntity<ProblemDetail> resendTooSoon(RegistrationProblems.ResendTooSoonException ex) {
        ProblemDetail problem = problems.create(ex.status(), ex.code(), ex.getMessage(), ex.errors());
        return ResponseEntity.status(ex.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static RegistrationService.NewRegistration toCommand(RegistrationRequest request) {
        EmailAddress email = null;
        PhoneNumber phone = null;
        if (request.channel() == Channel.EMAIL) {
            email = EmailAddress.parse(required(request.email(), "email"))
                    .orElseThrow(() -> PlatformException.invalidField("email", "is not a valid e-mail address"));
            forbidden(request.phone(), "phone", "must be omitted when registering by e-mail");
        }
        else {
            phone = PhoneNumber.parse(required(request.phone(), "phone"))
                    .orElseThrow(() -> PlatformException.invalidField("phone",
                            "is not a valid mobile number (E.164, e.g. +8613912345678)"));
            forbidden(request.email(), "email", "must be omitted when registering by phone");
        }
        return new RegistrationService.NewRegistration(request.channel(), email, phone, request.password(),
                request.displayName().strip(),
                request.accountType() == null ? AccountType.PERSON : request.accountType());
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw PlatformException.invalidField(field, "is required for this channel");
        }
        return value;
    }

    private static void forbidden(String value, String field, String message) {
        if (value != null) {
            throw PlatformException.invalidField(field, message);
        }
    }
}
