package com.platform.transaction.transaction;

/** The period for opening a dispute on this transaction is over. */
public class DisputePeriodOverException extends RuntimeException {

    public DisputePeriodOverException() {
        super("The period for opening a dispute on this transaction is over.");
    }
}
