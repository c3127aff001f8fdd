package com.platform.starter.problem;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.ConstraintViolationException;

import com.platform.starter.requestid.RequestIds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * X7: every error leaves a service as problem+json with a stable code. Bad input names the field; unknown
 * exceptions become a generic 500 that reveals nothing but the request id (the cause is logged with it).
 * Runs last so that a service's own advice can handle its exceptions first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PlatformProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformProblemHandler.class);

    private final Problems problems;
    private final StackTraceThrottle stackTraces;

    public PlatformProblemHandler(Problems problems) {
        this(problems, Duration.ofMinutes(1), Clock.systemUTC());
    }

    /**
     * @param stackTraceInterval an unexpected error's stack trace is logged at most once per this interval per
     *        distinct error (type and top frames); every occurrence still logs one line with its request id
     */
    public PlatformProblemHandler(Problems problems, Duration stackTraceInterval, Clock clock) {
        this.problems = problems;
        this.stackTraces = new StackTraceThrottle(stackTraceInterval, clock);
    }

    @ExceptionHandler(PlatformException.class)
    ResponseEntity<ProblemDetail> handlePlatform(PlatformException ex, NativeWebRequest request) {
        return respond(problems.create(ex.status(), ex.code(), ex.getMessage(), ex.errors()), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex, NativeWebRequest request) {
        List<FieldViolation> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(validationProblem(errors), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleConcurrentChange(OptimisticLockingFailureException ex,
            NativeWebRequest request) {
        return respond(problems.create(HttpStatus.CONFLICT, ProblemCodes.CONFLICT,
                "The resource was changed by another request at the same time; read it again and retry.", List.of()),
                request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex, NativeWebRequest request) {
        return respond(problems.create(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN,
                "You are not allowed to perform this operation.", List.of()), request);
    }

    @ExceptionHandler({AuthenticationException.class, AuthenticationCredentialsNotFoundException.class})
    ResponseEntity<ProblemDetail> handleAuthentication(Exception ex, NativeWebRequest request) {
        return respond(problems.create(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHORIZED,
                "Authentication is required.", List.of()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, NativeWebRequest request) {
        // The message may hold SQL, personal data or internals: log it, never return it.
        logUnexpected(ex);
        return respond(problems.create(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCodes.INTERNAL_ERROR,
                "An unexpected error occurred. Quote the request id when reporting it.", List.of()), request);
    }

    /**
     * One entry per occurrence with the request id; the stack trace only with the first occurrence of this error
     * per interval, so that an error hit by every request cannot flood the logs (or the disk, or the log bill).
     */
    private void logUnexpected(Exception ex) {
        StackTraceThrottle.Decision decision = stackTraces.decide(ex);
        String requestId = String.valueOf(RequestIds.current());
        String summary = StackTraceThrottle.summary(ex);
        if (decision.stackTrace()) {
            log.error("Unexpected error {} (request {}); its stack trace is logged at most every {}{}", summary,
                    requestId, stackTraces.interval(), decision.suppressed() > 0
                            ? " (" + decision.suppressed() + " more since the last stack trace)" : "", ex);
        }
        else {
            log.error("Unexpected error {} (request {}); stack trace logged at {}", summary, requestId,
                    decision.lastStackTraceAt());
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(validationProblem(fieldErrors(ex.getBindingResult())), request));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> {
                String field = error instanceof org.springframework.validation.FieldError fieldError
                        ? fieldError.getField() : name;
                errors.add(new FieldViolation(field, error.getDefaultMessage()));
            });
        });
        return asObject(respond(validationProblem(errors), request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(unreadableBody(ex), request));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        String message = "has the wrong type";
        if (ex.getRequiredType() != null && ex.getRequiredType().isEnum()) {
            message = "must be one of " + Arrays.toString(ex.getRequiredType().getEnumConstants());
        }
        else if (ex.getRequiredType() != null) {
            message = "must be a valid " + ex.getRequiredType().getSimpleName();
        }
        return asObject(respond(validationProblem(List.of(new FieldViolation(field, message))), request));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(validationProblem(List.of(new FieldViolation(ex.getParameterName(), "is required"))),
                request));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(problems.create(HttpStatus.PAYLOAD_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE,
                "The request is too large.", List.of()), request));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> handleMissingHeader(MissingRequestHeaderException ex, NativeWebRequest request) {
        return respond(validationProblem(List.of(new FieldViolation(ex.getHeaderName(), "header is required"))),
                request);
    }

    /** Framework exceptions (404, 405, 415, ...) keep their status and gain our code and request id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatus(statusCode);
        if (statusCode.value() == 405 && ex instanceof HttpRequestMethodNotSupportedException) {
            problem.setDetail("This method is not supported on this resource.");
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problems.decorate(problem, ProblemCodes.forStatus(statusCode.value()), List.of());
        }
        setInstance(problem, request);
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.putAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, responseHeaders, statusCode);
    }

    private ProblemDetail unreadableBody(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return validationProblem(List.of(new FieldViolation(path(unknown), "is not a known field")));
        }
        if (cause instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            String message = target != null && target.isEnum()
                    ? "must be one of " + Arrays.toString(target.getEnumConstants())
                    : "has an invalid value" + (target != null ? " for type " + target.getSimpleName() : "");
            return validationProblem(List.of(new FieldViolation(path(invalid), message)));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return validationProblem(List.of(new FieldViolation(path(mismatched), "has the wrong type")));
        }
        if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException)
                && !jackson.getPath().isEmpty()) {
            return validationProblem(List.of(new FieldViolation(path(jackson), "has an invalid value")));
        }
        String detail = cause instanceof StreamReadException
                ? "The request body is not valid JSON."
                : "The request body is missing or unreadable.";
        return problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_REQUEST, detail,
                List.of(new FieldViolation("body", detail)));
    }

    private ProblemDetail validationProblem(List<FieldViolation> errors) {
        return problems.create(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                "The request has invalid fields.", errors);
    }

    private static List<FieldViolation> fieldErrors(BindingResult result) {
        List<FieldViolation> errors = new ArrayList<>();
        result.getFieldErrors().forEach(e -> errors.add(new FieldViolation(e.getField(), e.getDefaultMessage())));
        result.getGlobalErrors().forEach(e -> errors.add(new FieldViolation(e.getObjectName(), e.getDefaultMessage())));
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return errors;
    }

    /** JSON path as clients write it: {@code contacts[0].email}. */
    static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        // "create.request.email" -> "email": method and parameter names mean nothing to a client
        int dot = propertyPath.lastIndexOf('.');
        return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
    }

    private static void setInstance(ProblemDetail problem, WebRequest request) {
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            problem.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
        }
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, WebRequest request) {
        setInstance(problem, request);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
