package com.platform.partner.support;

import org.springframework.http.HttpStatus;

import com.platform.starter.problem.PlatformException;

/**
 * A business rule refused an action: domain types throw it with a {@link Kind}, a stable code and a safe detail;
 * the kind alone decides the HTTP status (here, in one place), and the starter's handler writes the problem+json.
 */
public class RuleViolation extends PlatformException {

    public enum Kind { CONFLICT, UNPROCESSABLE, FORBIDDEN, NOT_FOUND, UNAVAILABLE }

    private final Kind kind;

    public RuleViolation(Kind kind, String code, String detail) {
        super(statusOf(kind), code, detail);
        this.kind = kind;
    }

    private static HttpStatus statusOf(Kind kind) {
        return switch (kind) {
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static RuleViolation conflict(String code, String detail) {
        return new RuleViolation(Kind.CONFLICT, code, detail);
    }

    public static RuleViolation unprocessable(String code, String detail) {
        return new RuleViolation(Kind.UNPROCESSABLE, code, detail);
    }

    public static RuleViolation notFound(String code, String detail) {
        return new RuleViolation(Kind.NOT_FOUND, code, detail);
    }

    public static RuleViolation forbidden(String code, String detail) {
        return new RuleViolation(Kind.FORBIDDEN, code, detail);
    }

    public Kind kind() {
        return kind;
    }
}
