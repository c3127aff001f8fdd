package com.platform.partner.admission;

/**
 * One admission condition of P2 as the applicant sees it: {@code passed} is true or false once decided;
 * {@code pending} while the answer is still missing (the credit bureau did not answer), then {@code passed} is
 * false and nothing is admitted on it.
 */
public record Check(String name, boolean passed, boolean pending, String detail) {

    public static final String CREDIT_CODE_VALID = "CREDIT_CODE_VALID";
    public static final String LICENSE_NOT_EXPIRED = "LICENSE_NOT_EXPIRED";
    public static final String QUALIFICATIONS_NOT_EXPIRED = "QUALIFICATIONS_NOT_EXPIRED";
    public static final String REQUIRED_QUALIFICATIONS = "REQUIRED_QUALIFICATIONS_PRESENT";
    public static final String NOT_BLACKLISTED = "NOT_BLACKLISTED";
    public static final String CREDIT_STANDING = "CREDIT_STANDING";

    public static Check passed(String name, String detail) {
        return new Check(name, true, false, detail);
    }

    public static Check failed(String name, String detail) {
        return new Check(name, false, false, detail);
    }

    public static Check pending(String name, String detail) {
        return new Check(name, false, true, detail);
    }

    public boolean failed() {
        return !passed && !pending;
    }
}
