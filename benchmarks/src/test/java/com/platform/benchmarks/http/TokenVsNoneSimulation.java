package com.platform.benchmarks.http;

import java.util.List;

import com.platform.benchmarks.stack.FreshToken;
import com.platform.benchmarks.stack.LocalStackAccess;
import com.platform.benchmarks.stack.RunRecord;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * {@code ./platform bench token-vs-none}: partner-service {@code GET /actuator/health/liveness} (public) without and
 * with a valid bearer token (the auditor's): the difference is what the authentication of a request costs, which the
 * issue measured as half the throughput before the verified-token cache. The liveness probe rather than the whole
 * health: the aggregate runs every health indicator (the database, the SMTP connection) and answered in 30-115 ms
 * on 2026-12-02, so its latency was the indicators' I/O, not the token.
 */
public class TokenVsNoneSimulation extends SideBySideSimulation {

    public TokenVsNoneSimulation() throws Exception {
        super("token-vs-none", "none", "token", "300,600,900,1200,1500,1800",
                List.of("partner-service"));
        LocalStackAccess stack = new LocalStackAccess(new RunRecord("token-vs-none"));
        FreshToken tokens = new FreshToken(() -> stack.demoToken("auditor"));
        String url = LocalStackAccess.partnerService() + "/actuator/health/liveness";
        run(http("none").get(url), http("token").get(url).header("Authorization", session -> tokens.bearer()));
    }

    @Override
    protected String description() {
        return "partner-service GET /actuator/health/liveness without a token vs with the auditor's bearer token; token cache "
                + System.getProperty("bench.tokenCache", "on") + ".";
    }
}
