package com.platform.gateway.ratelimit;

import java.time.Duration;

import com.platform.gateway.GatewayProperties;
import com.platform.gateway.problem.Problems;

import io.github.bucket4j.BucketConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * G2: a token bucket (Bucket4j) per caller: per partner when the token carries {@code partner_id} (all its systems
 * and staff share the partner's quota), else per person (token subject), else per client address (the visitor's,
 * as trusted proxies report it: {@link ClientAddress}). Over the limit: 429 with {@code Retry-After}. Buckets live
 * in this instance's memory by default, or in Redis (shared by all instances) when
 * {@code platform.gateway.rate-limit.redis-url} is set, falling back to memory while Redis does not answer.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final GatewayProperties.RateLimit limits;
    private final BucketStore buckets;
    private final ClientAddress clientAddress;

    RateLimitFilter(GatewayProperties properties, BucketStore buckets,
            @Value("${" + TrustedProxies.PROPERTY + ":}") String trustedProxies) {
        this.limits = properties.rateLimit();
        this.buckets = buckets;
        this.clientAddress = new ClientAddress(trustedProxies);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(this::keyOf)
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddress.of(exchange.getRequest())))
                .flatMap(key -> Mono.fromFuture(buckets.tryConsume(key, configurationFor(key))))
                .flatMap(probe -> {
                    if (probe.isConsumed()) {
                        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining",
                                String.valueOf(probe.getRemainingTokens()));
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                    exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                            "Too many requests; retry after " + seconds + " s.");
                });
    }

    private String keyOf(java.security.Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            String partnerId = token.getToken().getClaimAsString("partner_id");
            return partnerId != null ? "partner:" + partnerId : "user:" + token.getToken().getSubject();
        }
        return "user:" + principal.getName();
    }

    private BucketConfiguration configurationFor(String key) {
        int perMinute = key.startsWith("partner:") ? limits.partnerPerMinute()
                : key.startsWith("user:") ? limits.userPerMinute() : limits.anonymousPerMinute();
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
