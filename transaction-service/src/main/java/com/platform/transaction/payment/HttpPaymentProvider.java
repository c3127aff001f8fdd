package com.platform.transaction.payment;

import java.net.ConnectException;
import java.net.URI;
import java.util.Set;

import feign.FeignException;

import org.springframework.stereotype.Component;

import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.remote.DependencyUnavailableException;

/**
 * {@link PaymentProvider} over HTTP (Feign: read timeout and circuit breaker). A 2xx with an id is an acceptance;
 * a refusal only what proves the provider does not have the payment; anything else is no answer.
 */
@Component
class HttpPaymentProvider implements PaymentProvider {

    /** 4xx answers after which the provider may still have (or be processing) the payment. */
    private static final Set<Integer> OPEN_4XX = Set.of(408, 409, 425, 429);

    private final PaymentProviderClient client;
    private final PaymentProperties properties;

    HttpPaymentProvider(PaymentProviderClient client, PaymentProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public Submission initiate(String provider, PaymentRequest request) {
        PaymentProperties.Provider config = properties.providers().get(provider);
        if (config == null || config.baseUrl() == null) {
            return new Refused("the payment provider " + provider + " is not configured", false);
        }
        PaymentProviderClient.InitiateResponse response;
        try {
            response = client.initiate(URI.create(config.baseUrl()), request.paymentId().toString(),
                    new PaymentProviderClient.InitiateRequest(request.paymentId(), request.transactionId(),
                            request.method().name(), MoneyJson.of(request.amount()), request.callbackPath()));
        }
        catch (RuntimeException e) {
            return classify(e);
        }
        if (response == null || response.providerPaymentId() == null || response.providerPaymentId().isBlank()) {
            return new Unanswered("the provider's answer carried no providerPaymentId");
        }
        return new Accepted(response.providerPaymentId());
    }

    /** Only an answer that proves the provider does not have the payment is a refusal; anything else is open. */
    static Submission classify(Throwable failure) {
        Integer status = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FeignException feign && feign.status() > 0 && status == null) {
                status = feign.status();
            }
            if (t instanceof ConnectException) {
                return new Refused("the payment provider could not be reached", false);
            }
            if ("CallNotPermittedException".equals(t.getClass().getSimpleName())) {
                return new Refused("the payment provider is not called while its circuit is open", false);
            }
        }
        if (status != null && status >= 400 && status < 500 && !OPEN_4XX.contains(status)) {
            return new Refused("the payment provider refused the payment (HTTP " + status + ")", true);
        }
        if (status != null) {
            return new Unanswered("HTTP " + status);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new Unanswered(root.getClass().getSimpleName());
    }

    @Override
    public java.util.List<StatementLine> statement(String provider, java.time.Instant from, java.time.Instant to) {
        PaymentProperties.Provider config = properties.providers().get(provider);
        if (config == null || config.baseUrl() == null) {
            throw unavailable(null);
        }
        PaymentProviderClient.Statement statement;
        try {
            statement = client.statement(URI.create(config.baseUrl()), from.toString(), to.toString());
        }
        catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (statement == null || statement.items() == null) {
            throw unavailable(null);
        }
        try {
            return statement.items().stream().map(line -> new StatementLine(line.paymentId(), line.providerPaymentId(),
                    line.status(), line.amount() == null ? null
                            : com.platform.transaction.money.Money.parse(line.amount().amount(),
                                    line.amount().currency()))).toList();
        }
        catch (com.platform.transaction.money.MoneyFormatException e) {
            throw unavailable(e);
        }
    }

    private static DependencyUnavailableException unavailable(Throwable cause) {
        return new DependencyUnavailableException("payment-provider", "PAYMENT_PROVIDER_UNAVAILABLE", cause);
    }
}
