package com.platform.benchmarks.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.platform.benchmarks.stack.FreshToken;
import com.platform.benchmarks.stack.LocalStackAccess;
import com.platform.benchmarks.stack.RunRecord;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * {@code ./platform bench risk-assessment}: risk-service's {@code POST /internal/v1/risk/assessments} with
 * transaction-service's service-account token, direct (the internal API is not routed). Variant "assessment" is a
 * transaction never assessed before: the payer's velocity read under its advisory lock, the watchlists and views
 * read, every in-force rule evaluated, the assessment row with its facts and outcomes written with its outbox
 * event. Variant "replay" asks again about a transaction already assessed: the same token check and request
 * validation, one indexed read of the stored answer, no rule and no write. The difference between the two is what
 * the rules and the write cost. The bar: 200 assessments a second with p99 under 20 ms, so 20 ms is this
 * scenario's latency bound.
 *
 * <p>Fixture: {@value #PAYERS} payers and one partner written into risk-service's own views as the user and partner
 * events would leave them (payer L2, ACTIVE, registered 400 days ago; partner MERCHANT, ACTIVE, grade A), so that
 * the default rules approve and no review case is opened; each payer is assessed a few times at most, below the
 * velocity rules. The fixture and its assessments are removed after the run.
 */
public class RiskAssessmentSimulation extends SideBySideSimulation {

    static final int PAYERS = 4000;
    private static final int REPLAYED = 50;

    private final List<UUID> payers = new ArrayList<>();
    private final UUID partnerId = UUID.randomUUID();
    private final List<String> replayBodies = new ArrayList<>();
    private final AtomicLong fresh = new AtomicLong();
    private final AtomicLong replays = new AtomicLong();

    public RiskAssessmentSimulation() throws Exception {
        super("risk-assessment", "replay", "assessment", "50,100,200,300,400", 20, List.of("risk-service"));
        for (int i = 0; i < PAYERS; i++) {
            payers.add(UUID.randomUUID());
        }
        writeFixture();
        LocalStackAccess stack = new LocalStackAccess(new RunRecord("risk-assessment"));
        FreshToken tokens = new FreshToken(() -> stack.serviceToken("transaction-service"));
        String url = LocalStackAccess.riskService() + "/internal/v1/risk/assessments";
        for (int i = 0; i < REPLAYED; i++) {
            String body = body(UUID.randomUUID(), payers.get(i));
            stack.send("POST", url, tokens.current(), LocalStackAccess.parse(body));
            replayBodies.add(body);
        }
        HttpRequestActionBuilder replay = http("replay").post(url).header("Authorization", session -> tokens.bearer())
                .header("Content-Type", "application/json")
                .body(StringBody(session -> replayBodies.get((int) (replays.getAndIncrement() % REPLAYED))));
        HttpRequestActionBuilder assessment = http("assessment").post(url).header("Authorization", session -> tokens.bearer())
                .header("Content-Type", "application/json")
                .body(StringBody(session -> body(UUID.randomUUID(),
                        payers.get((int) (REPLAYED + fresh.getAndIncrement() % (PAYERS - REPLAYED))))));
        run(replay, assessment);
    }

    private String body(UUID transactionId, UUID payerId) {
        return "{\"transactionId\":\"" + transactionId + "\",\"type\":\"ECOMMERCE\",\"payerId\":\"" + payerId
                + "\",\"partnerId\":\"" + partnerId + "\",\"amount\":{\"amount\":\"12.50\",\"currency\":\"CNY\"},"
                + "\"occurredAt\":\"" + Instant.now() + "\",\"ip\":\"203.0.113.7\",\"deviceId\":\"bench-device\"}";
    }

    private void writeFixture() throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection risk = DriverManager.getConnection(LocalStackAccess.database("risk"), "postgres", "")) {
            risk.setAutoCommit(false);
            try (PreparedStatement payer = risk.prepareStatement("insert into payer_view (user_id, level, status,"
                    + " registered_at, updated_at) values (?, 2, 'ACTIVE', ?, ?)")) {
                for (UUID id : payers) {
                    payer.setObject(1, id);
                    payer.setTimestamp(2, Timestamp.from(Instant.now().minus(Duration.ofDays(400))));
                    payer.setTimestamp(3, now);
                    payer.addBatch();
                }
                payer.executeBatch();
            }
            try (PreparedStatement partner = risk.prepareStatement("insert into partner_view (partner_id, type,"
                    + " status, grade, updated_at) values (?, 'MERCHANT', 'ACTIVE', 'A', ?)")) {
                partner.setObject(1, partnerId);
                partner.setTimestamp(2, now);
                partner.executeUpdate();
            }
            risk.commit();
        }
    }

    @Override
    protected List<String> afterSteps(int sustainableReplay, int sustainableAssessment) throws Exception {
        try (Connection risk = DriverManager.getConnection(LocalStackAccess.database("risk"), "postgres", "")) {
            risk.setAutoCommit(false);
            int cases = delete(risk, "delete from review_case where partner_id = ?", partnerId);
            int assessments = delete(risk, "delete from assessment where partner_id = ?", partnerId);
            delete(risk, "delete from partner_view where partner_id = ?", partnerId);
            delete(risk, "delete from payer_view where user_id = any(?)", risk.createArrayOf("uuid",
                    payers.toArray()));
            risk.commit();
            return List.of("", String.format("Fixture removed after the run: %d assessments, %d review cases"
                    + " (0 expected: the default rules approve every fixture payer); their `risk.assessed` events"
                    + " were published and stay in the KRI history.", assessments, cases));
        }
    }

    private static int delete(Connection connection, String sql, Object parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            return statement.executeUpdate();
        }
    }

    @Override
    protected String description() {
        return "POST /internal/v1/risk/assessments direct to risk-service with a service-account token: a repeat"
                + " about an assessed transaction (replay: read only) vs a new transaction (assessment: velocity,"
                + " views, every in-force rule, the stored assessment and its outbox row), " + PAYERS
                + " payers of the views; latency bound 20 ms.";
    }
}
