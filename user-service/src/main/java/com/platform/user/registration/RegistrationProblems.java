package com.platform.user.registration;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

import com.platform.starter.problem.FieldViolation;
import com.platform.starter.problem.PlatformException;

/** The problems a registration answers with (U1); codes are part of the API. */
final class RegistrationProblems {

    private RegistrationProblems() {
    }

    static PlatformException contactTaken() {
        // U1: the same answer whoever holds the contact, and no hint of the account
        return PlatformException.conflict("USER_CONTACT_TAKEN",
                "This contact cannot be used for a new registration.");
    }

    static PlatformException unknownRegistration() {
        return PlatformException.notFound("REGISTRATION_NOT_FOUND", "No such registration");
    }

    static PlatformException alreadyVerified() {
        return PlatformException.conflict("REGISTRATION_ALREADY_VERIFIED", "This registration is already verified.");
    }

    static PlatformException wrongCode(int remainingAttempts) {
        return new PlatformException(HttpStatus.BAD_REQUEST, "VERIFICATION_CODE_WRONG",
                "The code is not right; " + remainingAttempts + " attempt(s) left.",
                List.of(new FieldViolation("code", "is not the code we sent")));
    }

    static PlatformException expiredCode() {
        return new PlatformException(HttpStatus.GONE, "VERIFICATION_CODE_EXPIRED",
                "The code has expired; ask for a new one.");
    }

    static PlatformException tooManyAttempts() {
        return new PlatformException(HttpStatus.TOO_MANY_REQUESTS, "VERIFICATION_ATTEMPTS_EXCEEDED",
                "Too many wrong codes; ask for a new one.");
    }

    /** 429 with Retry-After (see RegistrationController's handler). */
    static final class ResendTooSoonException extends PlatformException {

        private final Duration retryAfter;

        ResendTooSoonException(Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, "CODE_RESEND_TOO_SOON",
                    "A new code can be sent in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
