package com.platform.transaction.transaction;

/** T2: the payer ({@code USER_NOT_ELIGIBLE}) or the partner ({@code PARTNER_NOT_ELIGIBLE}) may not transact: 403. */
public class NotEligibleException extends RuntimeException {

    public static final String USER = "USER_NOT_ELIGIBLE";
    public static final String PARTNER = "PARTNER_NOT_ELIGIBLE";

    private final String code;
    private final String reason;

    public NotEligibleException(String code, String reason) {
        super((USER.equals(code) ? "The payer is not eligible: " : "The partner is not eligible: ") + reason + ".");
        this.code = code;
        this.reason = reason;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
