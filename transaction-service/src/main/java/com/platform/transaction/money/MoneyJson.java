package com.platform.transaction.money;

import com.platform.starter.problem.PlatformException;

/**
 * Money as api.md writes it, {@code {"amount": "12.50", "currency": "CNY"}}. The amount is a JSON string: the
 * starter's strict JSON input refuses a JSON number for it with a 400 naming the field.
 */
public record MoneyJson(String amount, String currency) {

    public static MoneyJson of(Money money) {
        return money == null ? null : new MoneyJson(money.toDecimalString(), money.currency());
    }

    /** The exact money, or a 400 naming {@code field.amount} or {@code field.currency}. */
    public Money toMoney(String field) {
        try {
            return Money.parse(amount, currency);
        }
        catch (MoneyFormatException e) {
            throw PlatformException.invalidField(field + "." + e.part(), e.getMessage());
        }
    }

    public static Money required(MoneyJson json, String field) {
        if (json == null) {
            throw PlatformException.invalidField(field, "must not be null");
        }
        return json.toMoney(field);
    }
}
