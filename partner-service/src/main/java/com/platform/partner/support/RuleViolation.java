package com.platform.partner.support;

/**
 * A business rule refused an action: domain types throw it with a stable code and a safe detail, never an HTTP
 * status; {@link PartnerProblems} maps the {@link Kind} to one.
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { CONFLICT, UNPROCESSABLE, FORBIDDEN, NOT_FOUND, UNAVAILABLE }

    private final String code;
    private final Kind kind;

    public RuleViolation(Kind kind, String code, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
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

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
