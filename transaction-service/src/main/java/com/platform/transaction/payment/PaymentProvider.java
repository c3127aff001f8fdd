package com.platform.transaction.payment;

import java.util.UUID;

import com.platform.transaction.money.Money;

/** A payment institution's API as this service needs it (T5): start a payment; the result comes by callback. */
public interface PaymentProvider {

    record PaymentRequest(UUID paymentId, UUID transactionId, PaymentMethod method, Money amount, String callbackPath) {
    }

    /** What the provider made of a payment we sent it. */
    sealed interface Submission permits Accepted, Refused, Unanswered {
    }

    /** It took the payment (a 2xx with its id); the result follows by callback. */
    record Accepted(String providerPaymentId) implements Submission {
    }

    /**
     * This request certainly did not place the payment: the provider refused it ({@code providerAnswered}: a 4xx
     * other than 408, 409, 425, 429, which it would not answer to a payment it already has under this key), or
     * the request never reached it (connection refused, open circuit, no such provider). The latter proves
     * nothing about an earlier sending of the same payment.
     */
    record Refused(String reason, boolean providerAnswered) implements Submission {
    }

    /**
     * No clear answer (a timeout, a 5xx, a reset connection, an answer without an id): the provider may or may not
     * have the payment, so it is sent again under the same id, never replaced by another one.
     */
    record Unanswered(String error) implements Submission {
    }

    /**
     * Asks the provider to collect the payment; our payment id is its idempotency key, so sending it again never
     * pays twice (the provider replays its first answer).
     */
    Submission initiate(String provider, PaymentRequest request);

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
