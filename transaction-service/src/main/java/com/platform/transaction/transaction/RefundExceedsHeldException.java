package com.platform.transaction.transaction;

import com.platform.transaction.money.Money;

/** A refund of more than escrow holds for the transaction (T6: escrow never goes below zero): 422. */
public class RefundExceedsHeldException extends RuntimeException {

    private final Money held;

    public RefundExceedsHeldException(Money held) {
        super("The refund exceeds what escrow holds for this transaction (" + held + ").");
        this.held = held;
    }

    public Money held() {
        return held;
    }
}
