package com.platform.user.directory;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.platform.starter.problem.FieldViolation;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.problem.ProblemCodes;

/** Keycloak's password policy refused the password: a 400 on the field, not an outage. */
public class PasswordRejectedException extends PlatformException {

    public PasswordRejectedException() {
        super(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED, "The request has invalid fields.",
                List.of(new FieldViolation("password", "does not meet the password policy")));
    }
}
