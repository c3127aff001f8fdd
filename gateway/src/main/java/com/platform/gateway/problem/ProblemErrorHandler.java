package com.platform.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself produces (no route, an upstream that cannot be reached, a bug) leaves as
 * problem+json; internals are logged, never returned.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        if (error instanceof ResponseStatusException statusError) {
            HttpStatusCode code = statusError.getStatusCode();
            status = HttpStatus.resolve(code.value()) != null ? HttpStatus.resolve(code.value()) : status;
        }
        String detail = switch (status) {
            case NOT_FOUND -> "No such resource.";
            case GATEWAY_TIMEOUT -> "The service did not answer in time.";
            case SERVICE_UNAVAILABLE -> "The service is unavailable.";
            default -> status.is5xxServerError() ? "An unexpected error occurred at the gateway."
                    : status.getReasonPhrase();
        };
        if (status.is5xxServerError()) {
            log.warn("Gateway error on {}: {}", exchange.getRequest().getPath(), error.toString());
        }
        return Problems.write(exchange, status, Problems.codeFor(status), detail);
    }
}
