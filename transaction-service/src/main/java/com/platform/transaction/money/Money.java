package com.platform.transaction.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency in its minor units (T1): {@code 1234.50 CNY} is {@code 123450} fen. The number of
 * minor digits is ISO 4217's, as {@link Currency#getDefaultFractionDigits()} gives it; decimals appear only at the
 * edge ({@link #toDecimalString()}, {@link #parse}). Arithmetic refuses to mix currencies.
 */
public record Money(long minor, String currency) {

    /** Upper bound of any amount we accept: well inside a {@code bigint} even after sums of many amounts. */
    public static final long MAX_MINOR = 1_000_000_000_000_000L;

    public Money {
        Objects.requireNonNull(currency, "currency");
        fractionDigits(currency);
    }

    public static Money ofMinor(long minor, String currency) {
        return new Money(minor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** Minor digits of an ISO 4217 currency, or an exception for a code that is unknown or has none (XAU, XXX). */
    public static int fractionDigits(String currency) {
        Currency known;
        try {
            known = Currency.getInstance(currency);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency");
        }
        int digits = known.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("not a currency of payments");
        }
        return digits;
    }

    /**
     * Reads a positive decimal amount of a currency, exactly.
     *
     * @throws MoneyFormatException naming which part ({@code amount} or {@code currency}) is wrong
     */
    public static Money parse(String amount, String currency) {
        if (currency == null || currency.isBlank()) {
            throw new MoneyFormatException("currency", "must not be blank");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new MoneyFormatException("currency", "must be an ISO 4217 code of three capital letters");
        }
        int digits;
        try {
            digits = fractionDigits(currency);
        }
        catch (IllegalArgumentException e) {
            throw new MoneyFormatException("currency", "is not a known ISO 4217 currency");
        }
        if (amount == null || amount.isBlank()) {
            throw new MoneyFormatException("amount", "must not be blank");
        }
        if (amount.startsWith("-")) {
            throw new MoneyFormatException("amount", "must be greater than zero");
        }
        if (!amount.matches("\\d{1,19}(\\.\\d{1,19})?")) {
            throw new MoneyFormatException("amount", "must be a decimal string such as \"12.50\"");
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.scale() > digits) {
            throw new MoneyFormatException("amount",
                    digits == 0 ? "must be whole units for " + currency
                            : "must have at most " + digits + " decimals for " + currency);
        }
        if (value.signum() <= 0) {
            throw new MoneyFormatException("amount", "must be greater than zero");
        }
        BigDecimal minor = value.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY);
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new MoneyFormatException("amount", "is too large");
        }
        return new Money(minor.longValueExact(), currency);
    }

    /** The amount as api.md writes it: a decimal string with the currency's minor digits ({@code "12.50"}). */
    public String toDecimalString() {
        return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString();
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(-minor, currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean greaterThan(Money other) {
        requireSameCurrency(other);
        return minor > other.minor;
    }

    /**
     * This amount times a rate, rounded half-even to a whole minor unit (the platform's commission rounding: no
     * systematic bias either way over many settlements).
     */
    public Money times(BigDecimal rate) {
        BigDecimal product = BigDecimal.valueOf(minor).multiply(rate).setScale(0, RoundingMode.HALF_EVEN);
        return new Money(product.longValueExact(), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }
}
