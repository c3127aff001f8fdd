package com.platform.transaction.payment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import com.platform.starter.security.CurrentCaller;
import com.platform.transaction.ledger.JournalEntry;
import com.platform.transaction.ledger.Ledger;
import com.platform.transaction.money.Money;
import com.platform.transaction.money.MoneyFormatException;
import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.transaction.Access;
import com.platform.transaction.transaction.Transaction;
import com.platform.transaction.transaction.TransactionEvent;
import com.platform.transaction.transaction.TransactionNotFoundException;
import com.platform.transaction.transaction.TransactionService;
import com.platform.transaction.transaction.Transactions;

/**
 * Payments (T5): a payment is sent to the provider over HTTP and its result arrives on a signed callback. The
 * transaction is PAYMENT_PENDING meanwhile (one payment in flight, no cancellation). A success holds the funds in
 * escrow (ledger: Dr PROVIDER_CLEARING, Cr ESCROW); a failure makes the transaction payable again with the reason
 * ({@code payment.failed}). Callbacks are verified first; a callback for a payment that is no longer PENDING
 * (replayed, duplicated, arriving after another) is recorded and changes nothing.
 */
@Service
public class PaymentService {

    private final Transactions transactions;
    private final TransactionService transactionService;
    private final Payments payments;
    private final PaymentProvider provider;
    private final PaymentProperties properties;
    private final Ledger ledger;
    private final JsonMapper json;
    private final Clock clock;

    PaymentService(Transactions transactions, TransactionService transactionService, Payments payments,
            PaymentProvider provider, PaymentProperties properties, Ledger ledger, JsonMapper json, Clock clock) {
        this.transactions = transactions;
        this.transactionService = transactionService;
        this.payments = payments;
        this.provider = provider;
        this.properties = properties;
        this.ledger = ledger;
        this.json = json;
        this.clock = clock;
    }

    /** The payer pays a CONFIRMED transaction. */
    @Transactional
    public Payment pay(UUID transactionId, PaymentMethod method, CurrentCaller caller) {
        Transaction transaction = transactions.lock(transactionId).orElseThrow(TransactionNotFoundException::new);
        if (!Access.isPayer(caller, transaction.payerId())) {
            throw new TransactionNotFoundException();
        }
        Map<String, Object> before = TransactionService.snapshot(transaction);
        Instant now = clock.instant();
        transaction.paymentStarted(caller.actor(), now);
        String providerId = properties.defaultProvider();
        Payment payment = Payment.start(transactionId, providerId, method, transaction.amount(), now);
        payments.insert(payment);
        String providerPaymentId = provider.initiate(providerId, new PaymentProvider.PaymentRequest(payment.id(),
                transactionId, method, transaction.amount(), "/api/v1/payments/callbacks/" + providerId));
        payment = payment.accepted(providerPaymentId);
        payments.update(payment);
        transactionService.save(transaction, List.of(), "payment.started", before, null);
        return payment;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallbackBody(UUID paymentId, String providerPaymentId, String status, String reason, MoneyJson amount) {
    }

    public enum Outcome { APPLIED, ALREADY_FINAL, UNKNOWN_PAYMENT }

    /**
     * A provider's callback, signature verified before anything is read.
     *
     * @throws CallbackRejectedException (401) for an unknown provider or a bad or stale signature
     */
    @Transactional
    public Outcome callback(String providerId, String timestamp, String signature, byte[] body) {
        PaymentProperties.Provider config = properties.providers().get(providerId);
        if (config == null) {
            throw new CallbackRejectedException("unknown provider");
        }
        Instant now = clock.instant();
        CallbackSignature.verify(config.callbackSecret(), timestamp, signature, body, now,
                properties.callbackTolerance());
        CallbackBody callback;
        try {
            callback = json.readValue(body, CallbackBody.class);
        }
        catch (JacksonException e) {
            throw new MalformedCallbackException("body", "must be a JSON callback");
        }
        if (callback == null || callback.paymentId() == null) {
            throw new MalformedCallbackException("paymentId", "must not be null");
        }
        if (!"SUCCEEDED".equals(callback.status()) && !"FAILED".equals(callback.status())) {
            throw new MalformedCallbackException("status", "must be SUCCEEDED or FAILED");
        }
        String hash = sha256(body);
        Optional<Payment> known = payments.find(callback.paymentId());
        if (known.isEmpty() || !known.get().provider().equals(providerId)) {
            payments.recordCallback(providerId, callback.paymentId(), callback.status(), "UNKNOWN_PAYMENT", hash, now);
            return Outcome.UNKNOWN_PAYMENT;
        }
        // lock order: the transaction row first, then its payment
        Transaction transaction = transactions.lock(known.get().transactionId()).orElseThrow();
        Payment payment = payments.lock(callback.paymentId()).orElseThrow();
        CallbackEffect effect = CallbackEffect.of(payment, transaction.status(), callback.status(),
                amountMatches(callback.amount(), payment.amount()));
        if (effect == CallbackEffect.IGNORED) {
            payments.recordCallback(providerId, payment.id(), callback.status(), "ALREADY_FINAL", hash, now);
            return Outcome.ALREADY_FINAL;
        }
        Map<String, Object> before = TransactionService.snapshot(transaction);
        String actor = "provider:" + providerId;
        String reason = effect == CallbackEffect.AMOUNT_MISMATCH
                ? "the provider reported another amount than was requested" : callback.reason();
        List<TransactionEvent> events;
        if (effect == CallbackEffect.SUCCEEDED) {
            payment = payment.succeeded(now);
            payments.update(payment);
            events = transaction.paid(payment.id(), payment.method().name(), actor, now);
            ledger.post(JournalEntry.paymentCaptured(transaction.id(), payment.id(), payment.amount(), now));
            transactionService.save(transaction, events, "transaction.paid", before, actor);
        }
        else {
            String why = reason == null || reason.isBlank() ? "declined by the provider"
                    : reason.length() > 300 ? reason.substring(0, 300) : reason;
            payment = payment.failed(why, now);
            payments.update(payment);
            events = transaction.paymentFailed(payment.id(), payment.method().name(), why, actor, now);
            transactionService.save(transaction, events, "payment.failed", before, actor);
        }
        payments.recordCallback(providerId, payment.id(), callback.status(), "APPLIED", hash, now);
        return Outcome.APPLIED;
    }

    private static boolean amountMatches(MoneyJson reported, Money expected) {
        if (reported == null) {
            return true;
        }
        try {
            return Money.parse(reported.amount(), reported.currency()).equals(expected);
        }
        catch (MoneyFormatException e) {
            return false;
        }
    }

    @Transactional(readOnly = true)
    public List<Payment> paymentsOf(UUID transactionId, CurrentCaller caller) {
        transactionService.get(transactionId, caller);
        return payments.ofTransaction(transactionId);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
