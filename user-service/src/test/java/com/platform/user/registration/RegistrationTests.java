package com.platform.user.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** U1: an expired registration (being removed) takes no code and sends none; a verified one never expires. */
class RegistrationTests {

    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final ResendPolicy policy = ResendPolicy.DEFAULT;

    @Test
    void onceExpiredEvenAFreshCodeNoLongerVerifies() {
        Registration registration = Registration.start(UUID.randomUUID(), Channel.EMAIL, now).registration();
        Instant later = now.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(1));
        String freshCode = registration.resend(policy, later).plainCode();

        assertThat(registration.expireIfUnverifiedSince(now.plusSeconds(1))).isTrue();
        assertThat(registration.status()).isEqualTo(Registration.Status.EXPIRED);
        assertThat(registration.verify(freshCode, later.plusSeconds(10))).isEqualTo(OneTimeCode.Outcome.EXPIRED);
        assertThat(registration.expireIfUnverifiedSince(now.plusSeconds(1))).as("still being removed").isTrue();
    }

    @Test
    void aYoungOrVerifiedRegistrationDoesNotExpire() {
        Registration.Started started = Registration.start(UUID.randomUUID(), Channel.EMAIL, now);
        Registration registration = started.registration();
        assertThat(registration.expireIfUnverifiedSince(now)).as("not older than the cut-off").isFalse();
        registration.verify(started.plainCode(), now.plusSeconds(10));
        assertThat(registration.expireIfUnverifiedSince(now.plus(Duration.ofDays(2)))).isFalse();
        assertThat(registration.status()).isEqualTo(Registration.Status.VERIFIED);
    }
}
