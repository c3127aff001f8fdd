package com.platform.risk.assessment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

import com.platform.risk.support.RiskException;

/** An exact amount in minor units of an ISO 4217 currency; the decimal string appears only at the edge. */
public record Money(long minor, String currency) {

    /** At most 10^15 minor units: far above any transaction, far below a long's overflow when summed. */
    static final long MAX_MINOR = 1_000_000_000_000_000L;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** The amount's syntax by the currency's fraction digits (0-3 in ISO 4217; at least one digit is allowed). */
    private static final Pattern[] AMOUNT = new Pattern[5];

    static {
        for (int digits = 0; digits < AMOUNT.length; digits++) {
            AMOUNT[digits] = Pattern.compile("\\d{1,16}(\\.\\d{1," + Math.max(1, digits) + "})?");
        }
    }

    private static Pattern amountPattern(int digits) {
        return digits < AMOUNT.length ? AMOUNT[digits]
                : Pattern.compile("\\d{1,16}(\\.\\d{1," + digits + "})?");
    }

    /**
     * @param amount a decimal string with at most the currency's fraction digits, e.g. {@code "12.50"}
     * @throws RiskException.InvalidField naming {@code amount.amount} or {@code amount.currency}
     */
    public static Money parse(String amount, String currency) {
        Currency unit;
        try {
            if (currency == null || !CURRENCY.matcher(currency).matches()) {
                throw new IllegalArgumentException();
            }
            unit = Currency.getInstance(currency);
        }
        catch (IllegalArgumentException e) {
            throw new RiskException.InvalidField("amount.currency", "must be an ISO 4217 currency code");
        }
        int digits = Math.max(0, unit.getDefaultFractionDigits());
        if (amount == null || !amountPattern(digits).matcher(amount).matches()
                || (digits == 0 && amount.contains("."))) {
            throw new RiskException.InvalidField("amount.amount",
                    "must be a decimal string with at most " + digits + " fraction digits");
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.signum() <= 0) {
            throw new RiskException.InvalidField("amount.amount", "must be greater than zero");
        }
        BigDecimal minor = value.movePointRight(digits);
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new RiskException.InvalidField("amount.amount", "is too large");
        }
        return new Money(minor.longValueExact(), currency);
    }

    private int digits() {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    public BigDecimal decimal() {
        return BigDecimal.valueOf(minor, digits());
    }

    /** {@code "12.50"}, as api.md writes money. */
    public String amount() {
        return decimal().toPlainString();
    }

    /** Major units as a double, for rule expressions only (api.md: {@code tx.amount} is a double). */
    public double major() {
        return decimal().doubleValue();
    }

    /** The same currency's minor units as major units, for {@code velocity.amount24h}. */
    double major(long otherMinor) {
        return BigDecimal.valueOf(otherMinor, digits()).doubleValue();
    }
}
