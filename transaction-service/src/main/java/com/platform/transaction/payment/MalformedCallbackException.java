package com.platform.transaction.payment;

import com.platform.starter.problem.PlatformException;

/** A correctly signed callback whose body we cannot read: 400 naming the field (the provider must fix it). */
public class MalformedCallbackException extends PlatformException {

    public MalformedCallbackException(String field, String message) {
        super(org.springframework.http.HttpStatus.BAD_REQUEST, com.platform.starter.problem.ProblemCodes.VALIDATION_FAILED,
                "The request has invalid fields.",
                java.util.List.of(new com.platform.starter.problem.FieldViolation(field, message)));
    }
}
