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
}
