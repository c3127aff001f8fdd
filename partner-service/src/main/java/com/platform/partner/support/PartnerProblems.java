package com.platform.partner.support;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.platform.starter.problem.PlatformException;

/** The one place partner-service's domain refusals become problem+json (through the starter's handler). */
@RestControllerAdvice
class PartnerProblems {

    @ExceptionHandler(RuleViolation.class)
    void handle(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        throw new PlatformException(status, violation.code(), violation.getMessage());
    }
}
