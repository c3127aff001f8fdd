package com.platform.gateway.ratelimit;

import java.security.Principal;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.platform.gateway.GatewayProperties;
import com.platform.gateway.partnerquota.PartnerQuota;
import com.platform.gateway.partnerquota.PartnerQuotas;
import com.platform.gateway.problem.Problems;

import io.github.bucket4j.BucketConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * G2: a token bucket (Bucket4j) per caller. A partner token (realm role {@code partner} and a {@code partner_id}
 * claim) is limited per partner, all its clients sharing the partner's quota: the {@code apiQuotaPerMinute} the quota
 * topic last said ({@link PartnerQuotas}), or the configured default for a partner not heard of; quota 0 (no active
 * agreement) is 403 {@code PARTNER_NO_API_QUOTA} without counting. Any other token is limited per person (token
 * subject), a call without a token per client address (the visitor's, as trusted proxies report it:
 * {@link ClientAddress}). Over the limit: 429 with {@code Retry-After}. Buckets live in this instance's memory by
 * default, or in Redis (shared by all instances) when {@code platform.gateway.rate-limit.redis-url} is set, falling
 * back to memory while Redis does not answer.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final String NO_QUOTA = "PARTNER_NO_API_QUOTA";

    /** Whose bucket a request counts against, its limit and the version of that limit. */
    private record Limit(String key, int perMinute, long version) {
    }

    private final GatewayProperties.RateLimit limits;
    private final BucketStore buckets;
    private final PartnerQuotas partnerQuotas;
    private final ClientAddress clientAddress;

    RateLimitFilter(GatewayProperties properties, BucketStore buckets, PartnerQuotas partnerQuotas,
            @Value("${" + TrustedProxies.PROPERTY + ":}") String trustedProxies) {
        this.limits = properties.rateLimit();
        this.buckets = buckets;
        this.partnerQuotas = partnerQuotas;
        this.clientAddress = new ClientAddress(trustedProxies);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(this::limitOf)
                .switchIfEmpty(Mono.fromSupplier(() -> new Limit("ip:" + clientAddress.of(exchange.getRequest()),
                        limits.anonymousPerMinute(), 0)))
                .flatMap(limit -> {
                    if (limit.perMinute() <= 0) {
                        return Problems.write(exchange, HttpStatus.FORBIDDEN, NO_QUOTA,
                                "This partner has no API quota: it has no active agreement.");
                    }
                    return Mono.fromFuture(buckets.tryConsume(limit.key(), perMinute(limit.perMinute()),
                                    limit.version()))
                            .flatMap(probe -> {
                                if (probe.isConsumed()) {
                                    exchange.getResponse().getHeaders().set("X-RateLimit-Remaining",
                                            String.valueOf(probe.getRemainingTokens()));
                                    return chain.filter(exchange);
                                }
                                long seconds = Math.max(1,
                                        Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                                exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
                                return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                                        "Too many requests; retry after " + seconds + " s.");
                            });
                });
    }

    private Limit limitOf(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String partnerId = jwt.getClaimAsString("partner_id");
            if (partnerId != null && !partnerId.isBlank() && hasRealmRole(jwt, "partner")) {
                Optional<PartnerQuota> quota = partnerQuotas.of(partnerId);
                return new Limit("partner:" + partnerId,
                        quota.map(q -> q.perMinuteOr(limits.partnerDefaultPerMinute()))
                                .orElse(limits.partnerDefaultPerMinute()),
                        quota.map(PartnerQuota::version).orElse(0L));
            }
            return new Limit("user:" + jwt.getSubject(), limits.userPerMinute(), 0);
        }
        return new Limit("user:" + principal.getName(), limits.userPerMinute(), 0);
    }

    private static boolean hasRealmRole(Jwt jwt, String role) {
        return jwt.getClaims().get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> roles && roles.contains(role);
    }

    private static BucketConfiguration perMinute(int perMinute) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
