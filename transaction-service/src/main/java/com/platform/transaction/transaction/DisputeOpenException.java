package com.platform.transaction.transaction;

/** A dispute is open on this transaction: settlement is frozen until it is resolved. */
public class DisputeOpenException extends RuntimeException {

    public DisputeOpenException() {
        super("A dispute is open on this transaction: settlement is frozen until it is resolved.");
    }
}
