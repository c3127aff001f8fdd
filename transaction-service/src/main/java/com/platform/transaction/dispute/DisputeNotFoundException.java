package com.platform.transaction.dispute;

/** No such dispute, or none the caller may see: 404. */
public class DisputeNotFoundException extends RuntimeException {

    public DisputeNotFoundException() {
        super("No such dispute.");
    }
}
