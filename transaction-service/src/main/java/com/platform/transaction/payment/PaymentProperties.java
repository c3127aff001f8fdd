package com.platform.transaction.payment;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment institutions (T5): where each provider's API is and the secret its callbacks are signed with (from the
 * environment only, never in Git).
 *
 * @param defaultProvider the provider new payments go to
 * @param callbackTolerance how far a callback's timestamp may be from our clock (older is a replay: 401)
 * @param submissionJobPeriod how often payments whose acceptance is not known (INITIATED) are sent again
 * @param maxSubmissions after this many sendings without a clear answer a payment is given up as FAILED (the
 *        transaction is payable again); a late success for it is then a reconciliation difference
 */
@ConfigurationProperties("transaction.payments")
public record PaymentProperties(@DefaultValue("simulator") String defaultProvider,
        @DefaultValue("5m") Duration callbackTolerance, Map<String, Provider> providers,
        @DefaultValue("30s") Duration submissionJobPeriod, @DefaultValue("10") int maxSubmissions) {

    public record Provider(String baseUrl, String callbackSecret) {

        @Override
        public String toString() {
            return "Provider[" + baseUrl + "]";
        }
    }

    public PaymentProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }
}
