package com.platform.transaction.transaction;

/** No such transaction, or none the caller may see (the two are not told apart): 404. */
public class TransactionNotFoundException extends RuntimeException {

    public TransactionNotFoundException() {
        super("No such transaction.");
    }
}
