package com.platform.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

import com.platform.gateway.GatewayProperties;
import com.platform.gateway.problem.Problems;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * G2: a body larger than the limit is refused with 413 before it reaches a service. A declared
 * {@code Content-Length} is checked up front; a body without one (chunked) is counted while it streams and the
 * request fails as soon as it passes the limit, so the gateway never holds more than the limit of it (routes with a
 * fallback keep the body in memory to replay it, see AdaptCachedBodyGlobalFilter).
 */
@Component
class RequestSizeFilter implements GlobalFilter, Ordered {

    private final long maxBytes;

    RequestSizeFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return tooLarge(exchange);
        }
        // counted even with a Content-Length: cheap, and no reliance on how the server frames a request that
        // sends both Content-Length and Transfer-Encoding
        ServerWebExchange counted = exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong received = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (received.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLarge());
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            }
        }).build();
        return chain.filter(counted).onErrorResume(BodyTooLarge.class, error -> tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + maxBytes + " bytes.");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    /** A status error, so that wherever it surfaces (an error handler, a fallback) it is still a 413. */
    static final class BodyTooLarge extends ResponseStatusException {

        BodyTooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE);
        }
    }
}
