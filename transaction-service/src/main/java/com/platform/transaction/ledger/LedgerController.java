package com.platform.transaction.ledger;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.platform.transaction.money.MoneyJson;

/** T6: the trial balance for auditors and admins. */
@RestController
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    record AccountView(String account, MoneyJson balance) {
    }

    record CurrencyView(String currency, List<AccountView> accounts, MoneyJson total, boolean balanced) {
    }

    record TrialBalanceView(List<CurrencyView> currencies, long entries, boolean balanced) {
    }

    @GetMapping("/api/v1/ledger/trial-balance")
    @PreAuthorize("hasAnyRole('auditor', 'admin')")
    TrialBalanceView trialBalance() {
        TrialBalance balance = ledger.trialBalance();
        List<CurrencyView> currencies = balance.currencies().stream().map(c -> new CurrencyView(c.currency(),
                c.accounts().stream().map(a -> new AccountView(a.account().name(), MoneyJson.of(a.balance()))).toList(),
                MoneyJson.of(c.total()), c.total().isZero())).toList();
        return new TrialBalanceView(currencies, balance.entries(), balance.balanced());
    }
}
