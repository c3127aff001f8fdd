package com.platform.transaction.transaction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic settlement (T3, T6).
 *
 * @param receiptPeriod a FULFILLED transaction whose payer neither confirmed receipt nor disputed within this
 *        period after fulfilment settles automatically
 * @param jobPeriod how often the settlement job looks for due transactions
 * @param batchSize transactions settled per database transaction
 */
@ConfigurationProperties("transaction.settlement")
public record SettlementProperties(@DefaultValue("7d") Duration receiptPeriod, @DefaultValue("1m") Duration jobPeriod,
        @DefaultValue("50") int batchSize) {
}
