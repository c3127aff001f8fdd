package com.platform.transaction.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.transaction.payment.PaymentProperties;
import com.platform.transaction.remote.DependencyUnavailableException;

/**
 * Reconciles the previous UTC day of every configured provider once. Safe on several instances: a
 * transaction-scoped advisory lock per provider and day lets one instance run it, and a finished run is not
 * repeated; a provider without a statement now is tried again on the next run of the job.
 */
@Component
public class ReconciliationJob {

    static final String ACTOR = "system:reconciliation";
    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final ReconciliationService service;
    private final PaymentProperties providers;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReconciliationJob(ReconciliationService service, PaymentProperties providers, TransactionTemplate transaction,
            JdbcTemplate jdbc, Clock clock) {
        this.service = service;
        this.providers = providers;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return how many providers were reconciled now */
    public int reconcileYesterday() {
        Instant to = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant from = to.minus(1, ChronoUnit.DAYS);
        int done = 0;
        for (String provider : providers.providers().keySet()) {
            try {
                Boolean ran = transaction.execute(status -> {
                    Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtext(?))",
                            Boolean.class, "reconciliation:" + provider + ":" + from);
                    if (!Boolean.TRUE.equals(locked) || service.alreadyRun(provider, from, to)) {
                        return false;
                    }
                    service.reconcile(provider, from, to, ACTOR);
                    return true;
                });
                done += Boolean.TRUE.equals(ran) ? 1 : 0;
            }
            catch (DependencyUnavailableException e) {
                log.warn("No statement from {} for {}; retried on the next run", provider, from);
            }
        }
        return done;
    }
}
