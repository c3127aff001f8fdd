package com.platform.gateway;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped defaults, without the test context's overrides and without the machine's environment: the tests'
 * context sets {@code GATEWAY_ROUTE_CONCURRENCY} to 3 ({@link RouteConcurrencyTests} proves that the route bulkheads
 * take it); here the value when the variable is not set.
 */
class RouteResilienceDefaultsTests {

    @Test
    void eachRouteAllows256CallsInFlightWithoutWaitingAndAFullBulkheadIsNoFailure() throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        PropertySourcesPropertyResolver yaml = new PropertySourcesPropertyResolver(sources);

        assertThat(yaml.getProperty("resilience4j.bulkhead.configs.default.max-concurrent-calls")).isEqualTo("256");
        assertThat(yaml.getProperty("resilience4j.bulkhead.configs.default.max-wait-duration")).isEqualTo("0");
        assertThat(yaml.getProperty("resilience4j.circuitbreaker.configs.default.ignore-exceptions[0]"))
                .isEqualTo("io.github.resilience4j.bulkhead.BulkheadFullException");
    }
}
