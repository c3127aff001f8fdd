package com.platform.transaction.config;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.platform.starter.support.PeriodicTask;
import com.platform.transaction.payment.PaymentProperties;
import com.platform.transaction.payment.PaymentSubmissionJob;
import com.platform.transaction.reconciliation.ReconciliationJob;
import com.platform.transaction.transaction.SettlementJob;
import com.platform.transaction.transaction.SettlementProperties;

/** The service's timed work; each job is safe on several instances (row locks, skip locked). */
@Configuration(proxyBeanMethods = false)
class ScheduledJobs {

    @Bean
    PeriodicTask settlementTask(SettlementJob job, SettlementProperties properties) {
        return new PeriodicTask("settlement", properties.jobPeriod(), job::settleDue);
    }

    @Bean
    PeriodicTask paymentSubmissionTask(PaymentSubmissionJob job, PaymentProperties properties) {
        return new PeriodicTask("payment-submission", properties.submissionJobPeriod(), job::submitDue);
    }

    @Bean
    PeriodicTask reconciliationTask(ReconciliationJob job,
            @Value("${transaction.reconciliation.job-period:1h}") Duration period) {
        return new PeriodicTask("reconciliation", period, job::reconcileYesterday);
    }
}
