package com.platform.transaction.payment;

import java.util.UUID;

import com.platform.transaction.money.Money;

/** A payment institution's API as this service needs it (T5): start a payment; the result comes by callback. */
public interface PaymentProvider {

    record PaymentRequest(UUID paymentId, UUID transactionId, PaymentMethod method, Money amount, String callbackPath) {
    }

    /**
     * Asks the provider to collect the payment; our payment id is its idempotency key, so a retry never pays twice.
     *
     * @return the provider's id of the payment
     * @throws com.platform.transaction.remote.DependencyUnavailableException without a clear acceptance
     */
    String initiate(String provider, PaymentRequest request);

    /** One line of a provider's statement: a payment it collected (SUCCEEDED) or refused (FAILED). */
    record StatementLine(UUID paymentId, String providerPaymentId, String status, Money amount) {
    }

    /**
     * The provider's statement of payments it completed in {@code [from, to)}.
     *
     * @throws com.platform.transaction.remote.DependencyUnavailableException without a readable statement
     */
    java.util.List<StatementLine> statement(String provider, java.time.Instant from, java.time.Instant to);
}
