package com.platform.gateway.ratelimit;

import com.platform.gateway.GatewayProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis-backed buckets when {@code platform.gateway.rate-limit.redis-url} is set, in-memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final String REDIS_URL_SET = "!'${platform.gateway.rate-limit.redis-url:}'.isBlank()";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(REDIS_URL_SET)
    RedisBucketStore redisBucketStore(GatewayProperties properties) {
        GatewayProperties.RateLimit limits = properties.rateLimit();
        return new RedisBucketStore(limits.redisUrl(), limits.redisTimeout(), new InMemoryBucketStore());
    }

    /**
     * {@code rateLimitStore} in health: DOWN while the gateway limits in memory because Redis does not answer. Not
     * part of readiness: the gateway keeps serving, and taking every instance out of the load balancer for it would
     * turn a degraded limit into an outage.
     */
    @Bean
    @ConditionalOnExpression(REDIS_URL_SET)
    HealthIndicator rateLimitStoreHealthIndicator(RedisBucketStore store) {
        return () -> store.isShared()
                ? Health.up().withDetail("buckets", "redis, shared by all instances").build()
                : Health.down().withDetail("buckets", "in memory, per instance, until Redis answers").build();
    }

    @Bean
    @ConditionalOnExpression("'${platform.gateway.rate-limit.redis-url:}'.isBlank()")
    InMemoryBucketStore inMemoryBucketStore() {
        return new InMemoryBucketStore();
    }
}
