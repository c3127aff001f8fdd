package com.platform.transaction.correction;

/** A correction whose lines cannot be posted (400 naming the field). */
public class InvalidCorrectionException extends RuntimeException {

    private final String field;

    public InvalidCorrectionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
