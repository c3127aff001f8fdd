package com.platform.gateway.routing;

import java.util.concurrent.TimeoutException;

import com.platform.gateway.problem.Problems;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * G3: when a route's circuit breaker trips, or its service cannot be reached or does not answer in time, the
 * caller gets a fast problem naming the service: 504 for a timeout, 503 otherwise. Other routes are unaffected:
 * each has its own breaker.
 */
@Configuration(proxyBeanMethods = false)
class FallbackRoutes {

    @Bean
    RouterFunction<ServerResponse> serviceFallback() {
        return RouterFunctions.route()
                .route(request -> request.path().startsWith("/fallback/"), request -> {
                    String service = request.pathVariables().getOrDefault("service",
                            request.path().substring("/fallback/".length()));
                    Throwable cause = request.exchange()
                            .getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
                    boolean timeout = isTimeout(cause);
                    HttpStatus status = timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
                    String detail = timeout ? service + " did not answer in time." : service + " is unavailable.";
                    return Problems.write(request.exchange(), status, Problems.codeFor(status), detail)
                            .then(Mono.empty());
                })
                .build();
    }

    /** The HTTP client's response timeout (a 504 status error) or the circuit breaker's time limiter. */
    private static boolean isTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || (cause instanceof ResponseStatusException status && status.getStatusCode().value() == 504)) {
                return true;
            }
        }
        return false;
    }
}
