package com.platform.transaction.correction;

/** No such correction (404). */
public class CorrectionNotFoundException extends RuntimeException {

    public CorrectionNotFoundException() {
        super("No such correction.");
    }
}
