package com.platform.risk.engine;

/** Facts of an ordinary transaction by a known, verified payer at an active partner; tests change what they need. */
public final class TestFacts {

    private TestFacts() {
    }

    public static Facts.Builder ordinary() {
        return Facts.builder()
                .set(RuleVariable.TX_TYPE, "ECOMMERCE")
                .set(RuleVariable.TX_AMOUNT, 120.5)
                .set(RuleVariable.TX_CURRENCY, "CNY")
                .set(RuleVariable.TX_HOUR_OF_DAY, 14)
                .set(RuleVariable.PAYER_LEVEL, 2)
                .set(RuleVariable.PAYER_STATUS, "ACTIVE")
                .set(RuleVariable.PAYER_ACCOUNT_AGE_DAYS, 400)
                .set(RuleVariable.PAYER_ACTIVE_VIOLATIONS, 0)
                .set(RuleVariable.PARTNER_GRADE, "B")
                .set(RuleVariable.PARTNER_STATUS, "ACTIVE")
                .set(RuleVariable.VELOCITY_COUNT_1H, 1)
                .set(RuleVariable.VELOCITY_COUNT_24H, 3)
                .set(RuleVariable.VELOCITY_AMOUNT_24H, 300.0)
                .set(RuleVariable.WATCH_USER, false)
                .set(RuleVariable.WATCH_DOCUMENT, false)
                .set(RuleVariable.WATCH_DEVICE, false)
                .set(RuleVariable.WATCH_IP, false);
    }
}
