package com.platform.transaction.dispute;

/** The dispute is already resolved: its outcome is final (409). */
public class DisputeResolvedException extends RuntimeException {

    public DisputeResolvedException() {
        super("The dispute is already resolved.");
    }
}
