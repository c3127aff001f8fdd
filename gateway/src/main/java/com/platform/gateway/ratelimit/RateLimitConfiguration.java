package com.platform.gateway.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis-backed buckets when {@code platform.gateway.rate-limit.redis-url} is set, in-memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${platform.gateway.rate-limit.redis-url:}'.isBlank()")
    RedisBucketStore redisBucketStore(@Value("${platform.gateway.rate-limit.redis-url}") String redisUrl) {
        return new RedisBucketStore(redisUrl);
    }

    @Bean
    @ConditionalOnMissingBean(BucketStore.class)
    InMemoryBucketStore inMemoryBucketStore() {
        return new InMemoryBucketStore();
    }
}
