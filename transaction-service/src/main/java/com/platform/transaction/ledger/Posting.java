package com.platform.transaction.ledger;

import com.platform.transaction.money.Money;

/** One line of a journal entry: an account and a signed amount (debit positive, credit negative). */
public record Posting(LedgerAccount account, Money amount) {

    public static Posting debit(LedgerAccount account, Money amount) {
        return new Posting(account, amount);
    }

    public static Posting credit(LedgerAccount account, Money amount) {
        return new Posting(account, amount.negate());
    }
}
