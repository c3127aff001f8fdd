package com.platform.transaction.transaction;

/** An amount in another currency than the transaction's: 400 on the amount's currency. */
public class CurrencyMismatchException extends RuntimeException {

    public CurrencyMismatchException(String expected) {
        super("must be the transaction's currency " + expected);
    }
}
