package com.platform.starter.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on: an HTTP status, a stable machine {@code code} and a detail that is safe to show.
 * Services throw it (or a subclass) from domain and application code; the problem handler turns it into
 * RFC 9457 problem+json. The detail must never contain personal data or internals.
 */
public class PlatformException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldViolation> errors;

    public PlatformException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public PlatformException(HttpStatus status, String code, String detail, List<FieldViolation> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static PlatformException invalidField(String field, String message) {
        return new PlatformException(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                "The request has invalid fields.", List.of(new FieldViolation(field, message)));
    }

    public static PlatformException notFound(String code, String detail) {
        return new PlatformException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static PlatformException conflict(String code, String detail) {
        return new PlatformException(HttpStatus.CONFLICT, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldViolation> errors() {
        return errors;
    }
}
