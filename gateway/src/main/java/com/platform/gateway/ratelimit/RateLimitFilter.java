package com.platform.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.platform.gateway.GatewayProperties;
import com.platform.gateway.problem.Problems;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * G2: a token bucket (Bucket4j) per caller: per partner when the token carries {@code partner_id} (all its systems
 * and staff share the partner's quota), else per person (token subject), else per client address. Over the limit:
 * 429 with {@code Retry-After}. Buckets live in memory, so each gateway instance counts on its own; idle buckets
 * are dropped after ten minutes. A shared Redis store (Bucket4j's Lettuce integration) for several instances is
 * not wired yet (issue #3 notes).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final GatewayProperties.RateLimit limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(1_000_000)
            .build();

    RateLimitFilter(GatewayProperties properties) {
        this.limits = properties.rateLimit();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(this::keyOf)
                .defaultIfEmpty("ip:" + clientAddress(exchange))
                .flatMap(key -> {
                    ConsumptionProbe probe = buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
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

    private Bucket newBucket(String key) {
        int perMinute = key.startsWith("partner:") ? limits.partnerPerMinute()
                : key.startsWith("user:") ? limits.userPerMinute() : limits.anonymousPerMinute();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    private static String clientAddress(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote != null && remote.getAddress() != null ? remote.getAddress().getHostAddress() : "unknown";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
