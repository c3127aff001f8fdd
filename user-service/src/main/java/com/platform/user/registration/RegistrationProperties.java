package com.platform.user.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unverifiedTimeToLive how long an unverified registration (and its account and Keycloak login) is kept
 * @param resendInterval minimum time between two codes for one registration
 * @param resendsPerHour codes per registration per hour
 * @param mailFrom sender address of code e-mails
 */
@ConfigurationProperties("user.registration")
public record RegistrationProperties(
        @DefaultValue("24h") Duration unverifiedTimeToLive,
        @DefaultValue("60s") Duration resendInterval,
        @DefaultValue("5") int resendsPerHour,
        @DefaultValue("no-reply@platform.local") String mailFrom) {

    ResendPolicy resendPolicy() {
        return new ResendPolicy(resendInterval, resendsPerHour);
    }
}
