package com.platform.transaction.transaction;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles FULFILLED transactions whose receipt period is over (T3). Safe on several instances at once: each batch
 * locks its rows with {@code FOR UPDATE SKIP LOCKED}, so two instances never take the same transaction and never
 * wait for each other; disputed transactions are not selected (T7: settlement frozen).
 */
@Component
public class SettlementJob {

    static final String ACTOR = "system:settlement";

    private final Transactions transactions;
    private final TransactionService service;
    private final SettlementProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SettlementJob(Transactions transactions, TransactionService service, SettlementProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.transactions = transactions;
        this.service = service;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return how many transactions were settled */
    public int settleDue() {
        int settled = 0;
        while (true) {
            Integer batch = transaction.execute(status -> {
                List<Transaction> due = transactions.lockDueForSettlement(
                        clock.instant().minus(properties.receiptPeriod()), properties.batchSize());
                due.forEach(t -> service.settleDue(t, ACTOR));
                return due.size();
            });
            settled += batch == null ? 0 : batch;
            if (batch == null || batch < properties.batchSize()) {
                return settled;
            }
        }
    }
}
