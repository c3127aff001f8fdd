package com.platform.transaction.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.platform.starter.problem.FieldViolation;
import com.platform.starter.problem.ProblemCodes;
import com.platform.starter.problem.Problems;
import com.platform.transaction.correction.CorrectionApproverConflictException;
import com.platform.transaction.correction.CorrectionDecidedException;
import com.platform.transaction.correction.CorrectionNotFoundException;
import com.platform.transaction.correction.InvalidCorrectionException;
import com.platform.transaction.dispute.DisputeNotFoundException;
import com.platform.transaction.dispute.DisputeResolvedException;
import com.platform.transaction.ledger.EscrowOverdrawnException;
import com.platform.transaction.money.MoneyJson;
import com.platform.transaction.payment.CallbackRejectedException;
import com.platform.transaction.payment.PaymentNotTakenException;
import com.platform.transaction.remote.DependencyUnavailableException;
import com.platform.transaction.transaction.CurrencyMismatchException;
import com.platform.transaction.transaction.DisputeOpenException;
import com.platform.transaction.transaction.DisputePeriodOverException;
import com.platform.transaction.transaction.InvalidTransitionException;
import com.platform.transaction.transaction.NotEligibleException;
import com.platform.transaction.transaction.RefundExceedsHeldException;
import com.platform.transaction.transaction.TransactionNotFoundException;

/** The one place where transaction-service's domain exceptions become problem codes (X7). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TransactionProblems {

    private static final Logger log = LoggerFactory.getLogger(TransactionProblems.class);

    private final Problems problems;

    TransactionProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidTransitionException.class)
    ResponseEntity<ProblemDetail> wrongTransition(InvalidTransitionException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "TRANSACTION_STATE_CONFLICT", e.getMessage(),
                Map.of("currentStatus", e.current().name()));
    }

    @ExceptionHandler(NotEligibleException.class)
    ResponseEntity<ProblemDetail> notEligible(NotEligibleException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, e.code(), e.getMessage(), Map.of("reason", e.reason()));
    }

    @ExceptionHandler(DependencyUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(DependencyUnavailableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        log.warn("{} unavailable: {}", e.dependency(), cause == null ? "no usable answer"
                : cause.getClass().getSimpleName());
        ResponseEntity<ProblemDetail> response = respond(request, HttpStatus.SERVICE_UNAVAILABLE, e.code(),
                e.dependency() + " did not answer; nothing was recorded. Retry later.",
                Map.of("dependency", e.dependency()));
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody());
    }

    @ExceptionHandler(PaymentNotTakenException.class)
    ResponseEntity<ProblemDetail> paymentNotTaken(PaymentNotTakenException e, HttpServletRequest request) {
        log.warn("payment-provider did not take payment {}: {} ({})", e.paymentId(), e.paymentStatus(), e.reason());
        String detail = e.stillOpen()
                ? "The payment provider did not answer. The payment is kept and sent again under the same reference,"
                        + " so it is charged at most once; retry the payment or wait for its result."
                : "The payment provider did not take the payment; nothing was charged. The transaction can be paid"
                        + " again.";
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("dependency", "payment-provider");
        properties.put("paymentId", e.paymentId().toString());
        properties.put("paymentStatus", e.paymentStatus().name());
        ResponseEntity<ProblemDetail> response = respond(request, HttpStatus.SERVICE_UNAVAILABLE,
                "PAYMENT_PROVIDER_UNAVAILABLE", detail, properties);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody());
    }

    @ExceptionHandler(InvalidCorrectionException.class)
    ResponseEntity<ProblemDetail> invalidCorrection(InvalidCorrectionException e, HttpServletRequest request) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                "The request has invalid fields.", List.of(new FieldViolation(e.field(), e.getMessage())));
        return send(request, HttpStatus.BAD_REQUEST, problem);
    }

    @ExceptionHandler(CorrectionApproverConflictException.class)
    ResponseEntity<ProblemDetail> correctionApprover(CorrectionApproverConflictException e,
            HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "CORRECTION_APPROVER_CONFLICT", e.getMessage(), Map.of());
    }

    @ExceptionHandler(CorrectionDecidedException.class)
    ResponseEntity<ProblemDetail> correctionDecided(CorrectionDecidedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "CORRECTION_ALREADY_DECIDED", e.getMessage(),
                Map.of("currentStatus", e.status().name()));
    }

    @ExceptionHandler(CorrectionNotFoundException.class)
    ResponseEntity<ProblemDetail> correctionNotFound(CorrectionNotFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "CORRECTION_NOT_FOUND", e.getMessage(), Map.of());
    }

    @ExceptionHandler(TransactionNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(TransactionNotFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "TRANSACTION_NOT_FOUND", e.getMessage(), Map.of());
    }

    @ExceptionHandler(DisputeNotFoundException.class)
    ResponseEntity<ProblemDetail> disputeNotFound(DisputeNotFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "DISPUTE_NOT_FOUND", e.getMessage(), Map.of());
    }

    @ExceptionHandler(DisputeResolvedException.class)
    ResponseEntity<ProblemDetail> disputeResolved(DisputeResolvedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "DISPUTE_ALREADY_RESOLVED", e.getMessage(), Map.of());
    }

    @ExceptionHandler(RefundExceedsHeldException.class)
    ResponseEntity<ProblemDetail> refundTooLarge(RefundExceedsHeldException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, "REFUND_EXCEEDS_HELD", e.getMessage(),
                Map.of("held", MoneyJson.of(e.held())));
    }

    @ExceptionHandler(EscrowOverdrawnException.class)
    ResponseEntity<ProblemDetail> escrowOverdrawn(EscrowOverdrawnException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, "REFUND_EXCEEDS_HELD", e.getMessage(), Map.of());
    }

    @ExceptionHandler(DisputeOpenException.class)
    ResponseEntity<ProblemDetail> disputeOpen(DisputeOpenException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "DISPUTE_OPEN", e.getMessage(), Map.of());
    }

    @ExceptionHandler(DisputePeriodOverException.class)
    ResponseEntity<ProblemDetail> disputeLate(DisputePeriodOverException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, "DISPUTE_PERIOD_OVER", e.getMessage(), Map.of());
    }

    @ExceptionHandler(CurrencyMismatchException.class)
    ResponseEntity<ProblemDetail> currency(CurrencyMismatchException e, HttpServletRequest request) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                "The request has invalid fields.", List.of(new FieldViolation("amount.currency", e.getMessage())));
        return send(request, HttpStatus.BAD_REQUEST, problem);
    }

    @ExceptionHandler(CallbackRejectedException.class)
    ResponseEntity<ProblemDetail> callback(CallbackRejectedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNAUTHORIZED, "CALLBACK_SIGNATURE_INVALID",
                "The callback's signature is missing, wrong or stale.", Map.of());
    }

    private ResponseEntity<ProblemDetail> respond(HttpServletRequest request, HttpStatus status, String code,
            String detail, Map<String, Object> properties) {
        ProblemDetail problem = problems.create(status, code, detail, List.of());
        properties.forEach(problem::setProperty);
        return send(request, status, problem);
    }

    private static ResponseEntity<ProblemDetail> send(HttpServletRequest request, HttpStatus status,
            ProblemDetail problem) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
