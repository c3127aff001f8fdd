package com.platform.risk.support;

import java.util.List;

/**
 * A refusal by a domain rule, with a stable code and a safe detail. Domain types throw its subclasses; the
 * service's one advice ({@code config.RiskProblemAdvice}) maps each kind to its HTTP status.
 */
public abstract class RiskException extends RuntimeException {

    private final String code;
    private final List<Field> fields;

    /** A field named in the problem's {@code errors[]}. */
    public record Field(String field, String message) {
    }

    protected RiskException(String code, String detail, List<Field> fields) {
        super(detail);
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public String code() {
        return code;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The thing does not exist (or the caller may not know it does). */
    public static class NotFound extends RiskException {
        public NotFound(String code, String detail) {
            super(code, detail, List.of());
        }
    }

    /** The thing is not in a state that allows the action. */
    public static class Conflict extends RiskException {
        public Conflict(String code, String detail) {
            super(code, detail, List.of());
        }
    }

    /** The caller may do this in general but not here: a conflict of duties (maker-checker, another's case). */
    public static class DutyConflict extends RiskException {
        public DutyConflict(String code, String detail) {
            super(code, detail, List.of());
        }
    }

    /** Well-formed input that a business rule refuses. */
    public static class Unprocessable extends RiskException {
        public Unprocessable(String code, String detail, List<Field> fields) {
            super(code, detail, fields);
        }
    }

    /** A malformed field (400 naming it). */
    public static class InvalidField extends RiskException {
        public InvalidField(String field, String message) {
            super("VALIDATION_FAILED", "The request has invalid fields.", List.of(new Field(field, message)));
        }
    }
}
