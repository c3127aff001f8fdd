package com.platform.transaction.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends again the payments whose acceptance by the provider is not known (INITIATED: no answer, a timeout, or a
 * crash between recording the payment and recording the provider's answer), under the same id, which is the
 * provider's idempotency key: the provider replays its first answer or takes the payment now, and charges once.
 * Each payment is leased before it is sent (skip locked), so several instances share the work; no database
 * transaction is open while the provider is called. After {@code transaction.payments.max-submissions} sendings
 * without a clear answer the payment is FAILED and the transaction payable again.
 */
@Component
public class PaymentSubmissionJob {

    private static final Logger log = LoggerFactory.getLogger(PaymentSubmissionJob.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final Payments payments;
    private final PaymentService service;
    private final Clock clock;
    private final TransactionTemplate tx;

    PaymentSubmissionJob(Payments payments, PaymentService service, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.payments = payments;
        this.service = service;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** @return how many payments were sent again */
    public int submitDue() {
        Instant now = clock.instant();
        List<Payment> due = tx.execute(status -> payments.claimDue(now, now.plus(LEASE), BATCH));
        int sent = 0;
        for (Payment payment : due) {
            try {
                service.submit(payment);
                sent++;
            }
            catch (RuntimeException e) {
                // the lease expires and the next run tries again
                log.warn("Payment {} could not be sent again: {}", payment.id(), e.getClass().getSimpleName());
            }
        }
        return sent;
    }
}
