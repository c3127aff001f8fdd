package com.platform.transaction.money;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** T1: exact money in ISO 4217 minor units. */
class MoneyTests {

    @Test
    void minorDigitsFollowIso4217() {
        assertThat(Money.parse("12.50", "CNY").minor()).isEqualTo(1250);
        assertThat(Money.parse("12.5", "CNY").toDecimalString()).isEqualTo("12.50");
        assertThat(Money.parse("1500", "JPY").minor()).isEqualTo(1500);
        assertThat(Money.parse("1.234", "KWD").minor()).isEqualTo(1234);
        assertThatThrownBy(() -> Money.parse("1.0", "JPY")).as("JPY has no decimals, not even zeros")
                .isInstanceOf(MoneyFormatException.class);
        assertThatThrownBy(() -> Money.parse("1.5", "JPY")).isInstanceOf(MoneyFormatException.class);
        assertThatThrownBy(() -> Money.parse("1.00", "XXX")).isInstanceOf(MoneyFormatException.class)
                .extracting(e -> ((MoneyFormatException) e).part()).isEqualTo("currency");
    }

    @Property
    void decimalStringsRoundTripExactly(@ForAll @LongRange(min = 1, max = Money.MAX_MINOR) long minor) {
        Money money = Money.ofMinor(minor, "CNY");
        assertThat(Money.parse(money.toDecimalString(), "CNY")).isEqualTo(money);
    }

    @Property
    void commissionPlusPayableIsTheWhole(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long minor,
            @ForAll @LongRange(min = 0, max = 10_000) long basisPoints) {
        Money held = Money.ofMinor(minor, "CNY");
        Money commission = held.times(BigDecimal.valueOf(basisPoints, 4));
        assertThat(commission.minor()).isBetween(0L, minor);
        assertThat(held.minus(commission).plus(commission)).isEqualTo(held);
    }
}
