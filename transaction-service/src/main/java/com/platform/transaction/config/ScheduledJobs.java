package com.platform.transaction.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.platform.starter.support.PeriodicTask;
import com.platform.transaction.transaction.SettlementJob;
import com.platform.transaction.transaction.SettlementProperties;

/** The service's timed work; each job is safe on several instances (row locks, skip locked). */
@Configuration(proxyBeanMethods = false)
class ScheduledJobs {

    @Bean
    PeriodicTask settlementTask(SettlementJob job, SettlementProperties properties) {
        return new PeriodicTask("settlement", properties.jobPeriod(), job::settleDue);
    }
}
