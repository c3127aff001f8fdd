package com.platform.partner.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.platform.partner.admission.AdmissionPolicy;
import com.platform.partner.admission.ApplicationService;
import com.platform.partner.agreement.AgreementService;
import com.platform.partner.agreement.ExpiryReminders;
import com.platform.partner.agreement.QuotaPolicy;
import com.platform.partner.credentials.CredentialService;
import com.platform.partner.supervision.EvaluationPolicy;
import com.platform.partner.supervision.EvaluationService;
import com.platform.partner.supervision.InspectionService;
import com.platform.partner.webhook.DeliverySender;
import com.platform.partner.webhook.WebhookSettings;
import com.platform.starter.support.PeriodicTask;

/**
 * The service's timed work. Each job is safe on several instances at once (rows claimed with
 * {@code for update skip locked} or a lease, unique keys for what must happen once), so no leader election.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScheduledJobs.Periods.class, AdmissionPolicy.class, QuotaPolicy.class,
        ExpiryReminders.Settings.class, WebhookSettings.class,
        EvaluationPolicy.class})
class ScheduledJobs {

    /**
     * @param creditRetry how often pending credit checks are looked at (each waits its own retry interval)
     * @param agreementDates how often expiries and recorded terminations are applied and reminders sent
     * @param clientRevocation how often API clients that a termination left to revoke are removed
     * @param webhookDelivery how often due webhook deliveries are sent
     * @param supervision how often overdue rectifications are flagged and the quarterly evaluation is looked at
     */
    @ConfigurationProperties("partner.jobs")
    record Periods(
            @DefaultValue("15s") Duration creditRetry,
            @DefaultValue("10m") Duration agreementDates,
            @DefaultValue("1m") Duration clientRevocation,
            @DefaultValue("1s") Duration webhookDelivery,
            @DefaultValue("1h") Duration supervision) {
    }

    @Bean
    PeriodicTask creditRetryJob(ApplicationService applications, Periods periods) {
        return new PeriodicTask("credit-check-retry", periods.creditRetry(),
                applications::retryPendingCreditChecks);
    }

    @Bean
    PeriodicTask agreementDatesJob(AgreementService agreements, ExpiryReminders reminders, Periods periods) {
        return new PeriodicTask("agreement-dates", periods.agreementDates(), () -> {
            agreements.endDue();
            reminders.remindDue();
        });
    }

    @Bean
    PeriodicTask webhookDeliveryJob(DeliverySender sender, Periods periods) {
        return new PeriodicTask("webhook-delivery", periods.webhookDelivery(), sender::sendDue);
    }

    @Bean
    PeriodicTask supervisionJob(InspectionService inspections, EvaluationService evaluations, Periods periods) {
        return new PeriodicTask("supervision", periods.supervision(), () -> {
            inspections.markOverdue();
            evaluations.evaluateLastQuarter();
        });
    }

    @Bean
    PeriodicTask clientRevocationJob(CredentialService credentials, Periods periods) {
        return new PeriodicTask("client-revocation", periods.clientRevocation(), credentials::revokePending);
    }
}
