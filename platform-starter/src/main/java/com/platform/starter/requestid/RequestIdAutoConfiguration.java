package com.platform.starter.requestid;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.kafka.listener.RecordInterceptor;

/** Request id on every request, response, log line, Feign call and Kafka record (G4, X5). */
@AutoConfiguration
public class RequestIdAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // Before security, so that a 401 carries the request id too; after the observation filter.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    @ConditionalOnClass(RecordInterceptor.class)
    RequestIdRecordInterceptor requestIdRecordInterceptor() {
        return new RequestIdRecordInterceptor();
    }
}
