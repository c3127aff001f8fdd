package com.platform.user.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.platform.starter.support.PeriodicTask;
import com.platform.user.access.RoleService;
import com.platform.user.identity.IdentityVerificationService;
import com.platform.user.registration.RegistrationCleanup;
import com.platform.user.violation.PenaltyExpiry;

/**
 * The service's timed work. Each job is safe to run on several instances at once (row locks and idempotent
 * steps), so no leader election is needed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduledJobs.Periods.class)
class ScheduledJobs {

    /**
     * @param penaltyExpiry how often ended restrictions and suspensions are lifted
     * @param identityRetry how often pending real-name verifications are retried (each has its own back-off)
     * @param registrationCleanup how often expired unverified registrations are removed
     * @param roleChangeRetry how often role changes Keycloak has not confirmed are applied again
     */
    @ConfigurationProperties("user.jobs")
    record Periods(
            @DefaultValue("1m") Duration penaltyExpiry,
            @DefaultValue("30s") Duration identityRetry,
            @DefaultValue("10m") Duration registrationCleanup,
            @DefaultValue("1m") Duration roleChangeRetry) {
    }

    @Bean
    PeriodicTask penaltyExpiryJob(PenaltyExpiry expiry, Periods periods) {
        return new PeriodicTask("penalty-expiry", periods.penaltyExpiry(), expiry::expireDue);
    }

    @Bean
    PeriodicTask identityRetryJob(IdentityVerificationService verifications, Periods periods) {
        return new PeriodicTask("identity-retry", periods.identityRetry(), verifications::retryDue);
    }

    @Bean
    PeriodicTask roleChangeRetryJob(RoleService roles, Periods periods) {
        return new PeriodicTask("role-change-retry", periods.roleChangeRetry(), roles::applyPending);
    }

    @Bean
    PeriodicTask registrationCleanupJob(RegistrationCleanup cleanup, Periods periods) {
        return new PeriodicTask("registration-cleanup", periods.registrationCleanup(), cleanup::removeExpired);
    }
}
