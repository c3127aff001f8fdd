package com.platform.transaction.correction;

/** A correction is decided once (409 with its status). */
public class CorrectionDecidedException extends RuntimeException {

    private final LedgerCorrection.Status status;

    public CorrectionDecidedException(LedgerCorrection.Status status) {
        super("The correction is already " + status + ".");
        this.status = status;
    }

    public LedgerCorrection.Status status() {
        return status;
    }
}
