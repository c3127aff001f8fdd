package com.platform.transaction.transaction;

/** A transition T3 does not allow from the current status: 409 with the current status. */
public class InvalidTransitionException extends RuntimeException {

    private final TransactionStatus current;

    public InvalidTransitionException(TransactionStatus current, String action) {
        super("The transaction is " + current + ": it cannot be " + action + ".");
        this.current = current;
    }

    public TransactionStatus current() {
        return current;
    }
}
