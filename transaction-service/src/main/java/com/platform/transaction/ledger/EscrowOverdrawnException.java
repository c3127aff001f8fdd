package com.platform.transaction.ledger;

/** A movement that would take more out of a transaction's escrow than it holds (T6): 422. */
public class EscrowOverdrawnException extends RuntimeException {

    public EscrowOverdrawnException() {
        super("The movement exceeds what escrow holds for this transaction.");
    }
}
