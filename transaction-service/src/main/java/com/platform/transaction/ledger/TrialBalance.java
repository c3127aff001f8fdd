package com.platform.transaction.ledger;

import java.util.List;

import com.platform.transaction.money.Money;

/** Balances of every ledger account per currency (T6); each currency's balances sum to zero. */
public record TrialBalance(List<CurrencyBalance> currencies, long entries) {

    public record AccountBalance(LedgerAccount account, Money balance) {
    }

    public record CurrencyBalance(String currency, List<AccountBalance> accounts) {

        public Money total() {
            long sum = accounts.stream().mapToLong(a -> a.balance().minor()).sum();
            return Money.ofMinor(sum, currency);
        }
    }

    public boolean balanced() {
        return currencies.stream().allMatch(c -> c.total().isZero());
    }
}
