package com.platform.user.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneTimeCodeTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theRightCodeVerifiesOnceOnly() {
        OneTimeCode.Issued issued = OneTimeCode.issue(NOW);
        assertThat(issued.plainCode()).matches("\\d{6}");
        assertThat(issued.code().verify(issued.plainCode(), NOW.plusSeconds(10))).isEqualTo(OneTimeCode.Outcome.VERIFIED);
        assertThat(issued.code().verify(issued.plainCode(), NOW.plusSeconds(20)))
                .isEqualTo(OneTimeCode.Outcome.ALREADY_USED);
    }

    @Test
    void theCodeExpiresAfterFiveMinutes() {
        OneTimeCode.Issued issued = OneTimeCode.issue(NOW);
        assertThat(issued.code().verify(issued.plainCode(), NOW.plus(Duration.ofMinutes(5))))
                .isEqualTo(OneTimeCode.Outcome.EXPIRED);
    }

    @Test
    void fiveWrongAttemptsExhaustTheCodeEvenForTheRightOneAfterwards() {
        OneTimeCode.Issued issued = OneTimeCode.issue(NOW);
        String wrong = issued.plainCode().equals("000000") ? "111111" : "000000";
        for (int i = 1; i < OneTimeCode.MAX_ATTEMPTS; i++) {
            assertThat(issued.code().verify(wrong, NOW)).isEqualTo(OneTimeCode.Outcome.WRONG);
        }
        assertThat(issued.code().verify(wrong, NOW)).isEqualTo(OneTimeCode.Outcome.TOO_MANY_ATTEMPTS);
        assertThat(issued.code().verify(issued.plainCode(), NOW)).isEqualTo(OneTimeCode.Outcome.TOO_MANY_ATTEMPTS);
        assertThat(issued.code().remainingAttempts()).isZero();
    }

    @Test
    void onlyASaltedHashIsKept() {
        OneTimeCode.Issued first = OneTimeCode.issue(NOW);
        OneTimeCode restored = OneTimeCode.restore(first.code().salt(), first.code().hash(), NOW, 0, false);
        assertThat(restored.hash()).doesNotContain(first.plainCode()).hasSize(64);
        assertThat(restored.verify(first.plainCode(), NOW)).isEqualTo(OneTimeCode.Outcome.VERIFIED);
    }

    @Test
    void resendWaitsAMinuteAndAllowsFivePerHour() {
        ResendPolicy policy = ResendPolicy.DEFAULT;
        assertThat(policy.waitBeforeNext(List.of(), NOW)).isEmpty();
        assertThat(policy.waitBeforeNext(List.of(NOW.minusSeconds(20)), NOW)).contains(Duration.ofSeconds(40));
        assertThat(policy.waitBeforeNext(List.of(NOW.minusSeconds(61)), NOW)).isEmpty();
        List<Instant> five = List.of(NOW.minusSeconds(3000), NOW.minusSeconds(2400), NOW.minusSeconds(1800),
                NOW.minusSeconds(1200), NOW.minusSeconds(600));
        assertThat(policy.waitBeforeNext(five, NOW)).contains(Duration.ofSeconds(600));
    }
}
