package com.platform.benchmarks.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.platform.benchmarks.PgbenchCeilingBenchmark;
import com.platform.benchmarks.stack.ActivePartner;
import com.platform.benchmarks.stack.FreshToken;
import com.platform.benchmarks.stack.LocalStackAccess;
import com.platform.benchmarks.stack.RunRecord;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * {@code ./platform bench transaction-create}: {@code POST /api/v1/transactions} (an ECOMMERCE order of 12.50 CNY,
 * a fresh Idempotency-Key each) direct to transaction-service vs through the gateway. Each creation asks
 * user-service (payer eligibility), partner-service (partner eligibility) and risk-service (the assessment, with its
 * write) over HTTP, then commits the transaction row, its steps and its outbox event. The payers are {@value #PAYERS}
 * people registered for the run (level L1), the partner a MERCHANT admitted and signed through partner-service's API
 * ({@link ActivePartner}). After the steps, pgbench's ceiling for one row plus its outbox row on the same PostgreSQL
 * is measured in the same run, and each variant's knee is given as a share of it.
 *
 * <p>The run leaves what a real one would: the transactions (most IN_REVIEW once a payer passes the velocity rule of
 * 10 an hour, so also review cases) stay in the local stack; {@code ./platform reset} clears them.
 */
public class TransactionCreateSimulation extends SideBySideSimulation {

    static final int PAYERS = 40;

    private final List<FreshToken> tokens = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();

    public TransactionCreateSimulation() throws Exception {
        super("transaction-create", "direct", "gateway", "10,20,40,60,80,100,130", 250,
                List.of("gateway", "transaction-service", "user-service", "partner-service", "risk-service"));
        LocalStackAccess stack = new LocalStackAccess(new RunRecord("transaction-create"));
        String partnerId = ActivePartner.merchant(stack);
        ExecutorService registrations = Executors.newFixedThreadPool(8);
        try {
            List<Future<FreshToken>> people = new ArrayList<>();
            for (int i = 0; i < PAYERS; i++) {
                people.add(registrations.submit(stack::registeredPersonTokens));
            }
            for (Future<FreshToken> person : people) {
                tokens.add(person.get());
            }
        }
        finally {
            registrations.shutdown();
        }
        String body = "{\"type\":\"ECOMMERCE\",\"partnerId\":\"" + partnerId + "\",\"amount\":{\"amount\":\"12.50\","
                + "\"currency\":\"CNY\"},\"description\":\"Benchmark order\"}";
        run(create("direct", LocalStackAccess.transactionService(), body),
                create("gateway", LocalStackAccess.gateway(), body));
    }

    private HttpRequestActionBuilder create(String name, String base, String body) {
        return http(name).post(base + "/api/v1/transactions")
                .header("Authorization", session -> tokens.get((int) (sent.getAndIncrement() % PAYERS)).bearer())
                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .body(StringBody(body));
    }

    @Override
    protected int expectedStatus() {
        return 201;
    }

    @Override
    protected List<String> afterSteps(int sustainableDirect, int sustainableGateway) throws Exception {
        // the services finish what the last steps queued (and their event consumers catch up) before pgbench runs
        int settleSeconds = Integer.getInteger("bench.settle", 45);
        Thread.sleep(Duration.ofSeconds(settleSeconds));
        PgbenchCeilingBenchmark.Ceiling ceiling = PgbenchCeilingBenchmark.measure(10, new int[] {1, 8, 32});
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Then, in the same run, " + settleSeconds + " s after the last step, "
                + ceiling.description());
        lines.add("");
        lines.addAll(ceiling.lines());
        lines.add("");
        double best = ceiling.best();
        lines.add(String.format("Knee as a share of pgbench's best (%.0f tx/s): direct %d / %.0f = **%.3f**, gateway"
                + " %d / %.0f = **%.3f**.", best, sustainableDirect, best, sustainableDirect / best,
                sustainableGateway, best, sustainableGateway / best));
        return lines;
    }

    @Override
    protected String description() {
        return "POST /api/v1/transactions (ECOMMERCE, 12.50 CNY, a new Idempotency-Key each) by " + PAYERS
                + " registered payers to one admitted MERCHANT, direct to transaction-service vs through the"
                + " gateway; each creation calls user-, partner- and risk-service; latency bound 250 ms.";
    }
}
