package com.platform.transaction.payment;

import java.net.URI;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import com.platform.transaction.money.MoneyJson;

/** The payment institutions' HTTP API (the local simulator answers it); the base URL is per provider. */
@FeignClient(name = "payment-provider", url = "http://payment-provider.invalid")
interface PaymentProviderClient {

    record InitiateRequest(UUID paymentId, UUID transactionId, String method, MoneyJson amount, String callbackPath) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InitiateResponse(String providerPaymentId, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatementLine(UUID paymentId, String providerPaymentId, String status, MoneyJson amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Statement(java.util.List<StatementLine> items) {
    }

    @org.springframework.web.bind.annotation.GetMapping("/payments/v1/statements")
    Statement statement(URI baseUrl, @org.springframework.web.bind.annotation.RequestParam("from") String from,
            @org.springframework.web.bind.annotation.RequestParam("to") String to);

    @PostMapping(path = "/payments/v1/payments", consumes = "application/json")
    InitiateResponse initiate(URI baseUrl, @RequestHeader("Idempotency-Key") String idempotencyKey,
            @RequestBody InitiateRequest request);
}
