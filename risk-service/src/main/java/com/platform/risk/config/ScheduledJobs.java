package com.platform.risk.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.platform.risk.monitoring.KriComputation;
import com.platform.starter.support.PeriodicTask;

/** Timed work: the KRI computation (safe on several instances: indicators are claimed with skip-locked rows). */
@Configuration(proxyBeanMethods = false)
class ScheduledJobs {

    @Bean
    PeriodicTask kriComputationJob(KriComputation computation) {
        return new PeriodicTask("kri-computation", computation.interval(), computation::computeDue);
    }
}
