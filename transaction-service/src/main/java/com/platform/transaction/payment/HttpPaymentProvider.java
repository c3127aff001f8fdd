package com.platform.transaction.payment;

import java.net.URI;

import org.springframework.stereotype.Component;

import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.remote.DependencyUnavailableException;

/** {@link PaymentProvider} over HTTP (Feign: read timeout and circuit breaker); anything but 2xx is no answer. */
@Component
class HttpPaymentProvider implements PaymentProvider {

    private final PaymentProviderClient client;
    private final PaymentProperties properties;

    HttpPaymentProvider(PaymentProviderClient client, PaymentProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public String initiate(String provider, PaymentRequest request) {
        PaymentProperties.Provider config = properties.providers().get(provider);
        if (config == null || config.baseUrl() == null) {
            throw unavailable(null);
        }
        PaymentProviderClient.InitiateResponse response;
        try {
            response = client.initiate(URI.create(config.baseUrl()), request.paymentId().toString(),
                    new PaymentProviderClient.InitiateRequest(request.paymentId(), request.transactionId(),
                            request.method().name(), MoneyJson.of(request.amount()), request.callbackPath()));
        }
        catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (response == null || response.providerPaymentId() == null) {
            throw unavailable(null);
        }
        return response.providerPaymentId();
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
