package com.platform.localstack.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule a tester must remember: an amount ending in .13 is declined, whatever the method. */
class PaymentSimulatorRuleTests {

    @Test
    void declinesExactlyTheAmountsWhoseMinorUnitsEndIn13() {
        assertThat(PaymentSimulator.declines("100.13")).isTrue();
        assertThat(PaymentSimulator.declines("0.13")).isTrue();
        assertThat(PaymentSimulator.declines("7.130")).isTrue();
        assertThat(PaymentSimulator.declines("13.00")).isFalse();
        assertThat(PaymentSimulator.declines("100.31")).isFalse();
        assertThat(PaymentSimulator.declines("100.14")).isFalse();
        assertThat(PaymentSimulator.declines("100")).isFalse();
    }
}
