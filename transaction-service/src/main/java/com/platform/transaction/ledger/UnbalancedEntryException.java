package com.platform.transaction.ledger;

/** A journal entry that would break double entry: a programming error, never a client's. */
public class UnbalancedEntryException extends IllegalArgumentException {

    public UnbalancedEntryException(String message) {
        super(message);
    }
}
