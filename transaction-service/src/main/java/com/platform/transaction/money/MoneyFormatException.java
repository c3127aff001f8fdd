package com.platform.transaction.money;

/** An amount or currency that is not exact money of a known currency; {@link #part()} is {@code amount} or {@code currency}. */
public class MoneyFormatException extends RuntimeException {

    private final String part;

    public MoneyFormatException(String part, String message) {
        super(message);
        this.part = part;
    }

    public String part() {
        return part;
    }
}
