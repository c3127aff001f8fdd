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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
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
import com.platform.transaction.transaction.TransactionStatus;
import com.platform.transaction.transaction.Transactions;

/**
 * Payments (T5): a payment is sent to the provider over HTTP and its result arrives on a signed callback. The
 * transaction is PAYMENT_PENDING meanwhile (one payment in flight, no cancellation). A success holds the funds in
 * escrow (ledger: Dr PROVIDER_CLEARING, Cr ESCROW); a failure makes the transaction payable again with the reason
 * ({@code payment.failed}). Callbacks are verified first; a callback for a payment that is no longer open
 * (replayed, duplicated, arriving after another) is recorded and changes nothing.
 *
 * <p>No database transaction is open while the provider is called: the payment is recorded INITIATED and
 * committed with the transaction's move to PAYMENT_PENDING (short transaction, row locks released), the provider
 * is called with the payment id as its idempotency key, and its answer is recorded in a second short transaction.
 * A crash or a lost answer in between leaves an INITIATED payment that a callback applies (the provider had it),
 * the payer's retry sends again, or {@link PaymentSubmissionJob} sends again: the same id every time, so the
 * provider charges at most once, and never a second payment while the first one's fate is open.
 */
@Service
public class PaymentService {

    static final String SUBMISSION_ACTOR = "system:payment-submission";

    private final Transactions transactions;
    private final TransactionService transactionService;
    private final Payments payments;
    private final PaymentProvider provider;
    private final PaymentProperties properties;
    private final Ledger ledger;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;

    PaymentService(Transactions transactions, TransactionService transactionService, Payments payments,
            PaymentProvider provider, PaymentProperties properties, Ledger ledger, JsonMapper json, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transactions = transactions;
        this.transactionService = transactionService;
        this.payments = payments;
        this.provider = provider;
        this.properties = properties;
        this.ledger = ledger;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /**
     * The payer pays a CONFIRMED transaction, or sends again the payment whose acceptance is not known yet
     * (INITIATED) of a PAYMENT_PENDING one. Runs outside any database transaction (the Idempotency-Key filter
     * leaves this path to it: platform.idempotency.own-transaction-paths).
     *
     * @return the payment, PENDING once the provider accepted it
     * @throws PaymentNotTakenException (503) without the provider's acceptance: the payment stays INITIATED and
     *         is sent again, or is FAILED when the provider certainly does not have it
     */
    public Payment pay(UUID transactionId, PaymentMethod method, CurrentCaller caller) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a payment is initiated outside a database transaction");
        }
        Payment payment = tx.execute(status -> recordInitiation(transactionId, method, caller));
        Submitted submitted = submit(payment);
        if (!submitted.taken()) {
            throw new PaymentNotTakenException(submitted.payment());
        }
        return submitted.payment();
    }

    /**
     * A payment as recorded after a sending; {@code taken} unless it is still INITIATED or was just failed because
     * the provider certainly does not have it (a callback that settled it meanwhile counts as taken).
     */
    record Submitted(Payment payment, boolean taken) {
    }

    private Payment recordInitiation(UUID transactionId, PaymentMethod method, CurrentCaller caller) {
        Transaction transaction = transactions.lock(transactionId).orElseThrow(TransactionNotFoundException::new);
        if (!Access.isPayer(caller, transaction.payerId())) {
            throw new TransactionNotFoundException();
        }
        if (transaction.status() == TransactionStatus.PAYMENT_PENDING) {
            // the same payment again, never a second one while the provider may have the first
            Optional<Payment> open = payments.openOf(transactionId).filter(Payment::isInitiated);
            if (open.isPresent()) {
                return open.get();
            }
        }
        Map<String, Object> before = TransactionService.snapshot(transaction);
        Instant now = clock.instant();
        transaction.paymentStarted(caller.actor(), now);
        Payment payment = Payment.start(transactionId, properties.defaultProvider(), method, transaction.amount(), now);
        payments.insert(payment);
        transactionService.save(transaction, List.of(), "payment.started", before, null);
        return payment;
    }

    /**
     * Sends an INITIATED payment to its provider, with no database transaction open, and records the answer in a
     * short one. Used by {@link #pay} and by {@link PaymentSubmissionJob}.
     */
    Submitted submit(Payment payment) {
        PaymentProvider.Submission answer = provider.initiate(payment.provider(), new PaymentProvider.PaymentRequest(
                payment.id(), payment.transactionId(), payment.method(), payment.amount(),
                "/api/v1/payments/callbacks/" + payment.provider()));
        return tx.execute(status -> recordAnswer(payment, answer));
    }

    private Submitted recordAnswer(Payment sent, PaymentProvider.Submission answer) {
        // lock order: the transaction row first, then its payment
        Transaction transaction = transactions.lock(sent.transactionId()).orElseThrow();
        Payment payment = payments.lock(sent.id()).orElseThrow();
        if (!payment.isInitiated()) {
            // a callback (or another sending) settled it meanwhile: only the provider's id may be new
            if (answer instanceof PaymentProvider.Accepted accepted && payment.providerPaymentId() == null) {
                payment = payment.accepted(accepted.providerPaymentId());
                payments.update(payment);
            }
            return new Submitted(payment, true);
        }
        Instant now = clock.instant();
        Payment current = payment;
        return switch (answer) {
            case PaymentProvider.Accepted accepted -> {
                Payment taken = current.accepted(accepted.providerPaymentId());
                payments.update(taken);
                yield new Submitted(taken, true);
            }
            // not sent this time, but sent before: the provider may have it from the earlier sending
            case PaymentProvider.Refused refused when !refused.providerAnswered() && current.submissionAttempts() > 0 ->
                    stillOpen(transaction, current, refused.reason(), now);
            case PaymentProvider.Refused refused -> new Submitted(
                    fail(transaction, current, refused.reason(), "provider:" + current.provider(), now), false);
            case PaymentProvider.Unanswered unanswered -> stillOpen(transaction, current, unanswered.error(), now);
        };
    }

    private Submitted stillOpen(Transaction transaction, Payment payment, String error, Instant now) {
        int attempts = payment.submissionAttempts() + 1;
        if (attempts >= properties.maxSubmissions()) {
            return new Submitted(fail(transaction, payment.unanswered(error, null),
                    "the payment provider never confirmed the payment", SUBMISSION_ACTOR, now), false);
        }
        Payment open = payment.unanswered(error, now.plus(Payment.backoff(attempts)));
        payments.update(open);
        return new Submitted(open, false);
    }

    private Payment fail(Transaction transaction, Payment payment, String reason, String actor, Instant now) {
        Payment failed = payment.failed(reason, now);
        payments.update(failed);
        if (transaction.status() == TransactionStatus.PAYMENT_PENDING) {
            Map<String, Object> before = TransactionService.snapshot(transaction);
            List<TransactionEvent> events = transaction.paymentFailed(failed.id(), failed.method().name(), reason,
                    actor, now);
            transactionService.save(transaction, events, "payment.failed", before, actor);
        }
        return failed;
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
            payment = payment.succeeded(callback.providerPaymentId(), now);
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
