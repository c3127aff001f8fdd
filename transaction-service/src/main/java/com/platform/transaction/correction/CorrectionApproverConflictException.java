package com.platform.transaction.correction;

/** Maker-checker: the admin who proposed a correction cannot approve or reject it (403). */
public class CorrectionApproverConflictException extends RuntimeException {

    public CorrectionApproverConflictException() {
        super("The admin who proposed a correction cannot decide it; another admin must.");
    }
}
