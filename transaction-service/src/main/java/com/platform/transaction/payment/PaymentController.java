package com.platform.transaction.payment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.platform.starter.idempotency.IdempotencyKeyRequired;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.transaction.money.MoneyJson;

/** T5: the payer pays; providers call back (public, signed). */
@RestController
class PaymentController {

    private static final int MAX_CALLBACK_BYTES = 16 * 1024;

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    record PayRequest(@NotNull PaymentMethod method) {
    }

    /**
     * A payment attempt; {@code submissionAttempts}, {@code nextSubmissionAt} and {@code lastSubmissionError} say
     * how sending it to the provider went (an INITIATED payment is sent again at {@code nextSubmissionAt}).
     */
    record PaymentView(UUID paymentId, UUID transactionId, String status, String method, String provider,
            MoneyJson amount, String failureReason, Instant createdAt, Instant completedAt, int submissionAttempts,
            Instant nextSubmissionAt, String lastSubmissionError) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.id(), p.transactionId(), p.status().name(), p.method().name(), p.provider(),
                    MoneyJson.of(p.amount()), p.failureReason(), p.createdAt(), p.completedAt(),
                    p.submissionAttempts(), p.isInitiated() ? p.nextSubmissionAt() : null, p.lastSubmissionError());
        }
    }

    @PostMapping("/api/v1/transactions/{id}/payments")
    @IdempotencyKeyRequired
    @PreAuthorize("hasAnyRole('user', 'enterprise')")
    ResponseEntity<PaymentView> pay(@PathVariable UUID id, @Valid @RequestBody PayRequest request) {
        Payment payment = payments.pay(id, request.method(), CurrentCaller.get());
        return ResponseEntity.accepted().body(PaymentView.of(payment));
    }

    @GetMapping("/api/v1/transactions/{id}/payments")
    @PreAuthorize("hasAnyRole('user', 'enterprise', 'partner', 'operator', 'auditor', 'admin')")
    List<PaymentView> list(@PathVariable UUID id) {
        return payments.paymentsOf(id, CurrentCaller.get()).stream().map(PaymentView::of).toList();
    }

    @PostMapping("/api/v1/payments/callbacks/{provider}")
    ResponseEntity<Map<String, Object>> callback(@PathVariable String provider,
            @RequestHeader(name = CallbackSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = CallbackSignature.SIGNATURE_HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        if (provider.length() > 64) {
            throw new CallbackRejectedException("unknown provider");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > MAX_CALLBACK_BYTES) {
            throw PlatformException.invalidField("body", "must be at most " + MAX_CALLBACK_BYTES + " bytes");
        }
        PaymentService.Outcome outcome = payments.callback(provider, timestamp, signature, raw);
        // an unknown payment may be one whose initiation has not committed yet: 404 makes the provider retry
        return ResponseEntity.status(outcome == PaymentService.Outcome.UNKNOWN_PAYMENT ? 404 : 200)
                .body(Map.of("received", true, "outcome", outcome.name()));
    }
}
