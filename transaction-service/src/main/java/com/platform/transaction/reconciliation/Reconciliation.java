package com.platform.transaction.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.platform.transaction.money.Money;

/**
 * One comparison of a provider's statement with the ledger over a period (T5) and every difference found: a
 * payment the provider collected that the ledger has not captured, one the ledger captured that the provider does
 * not list, another amount, a payment the provider refused that the ledger captured, a payment we do not know.
 */
public record Reconciliation(UUID id, String provider, Instant from, Instant to, Instant startedAt, String startedBy,
        int compared, List<Difference> differences) {

    public enum Kind { MISSING_IN_LEDGER, MISSING_AT_PROVIDER, AMOUNT_MISMATCH, STATUS_MISMATCH, UNKNOWN_PAYMENT }

    public record Difference(Kind kind, UUID paymentId, UUID transactionId, Money providerAmount, Money ledgerAmount,
            String detail) {
    }
}
