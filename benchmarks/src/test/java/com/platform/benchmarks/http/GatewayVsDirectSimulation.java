package com.platform.benchmarks.http;

import java.util.List;

import com.platform.benchmarks.stack.FreshToken;
import com.platform.benchmarks.stack.LocalStackAccess;
import com.platform.benchmarks.stack.RunRecord;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * {@code ./platform bench gateway-vs-direct}: {@code GET /api/v1/users/me} of a person registered for the run
 * (an authenticated read: token checked, account row read, masked view written) direct to user-service and
 * through the gateway, which checks the same token again and forwards it.
 */
public class GatewayVsDirectSimulation extends SideBySideSimulation {

    public GatewayVsDirectSimulation() throws Exception {
        super("gateway-vs-direct", "direct", "gateway", "100,200,300,400,500,600,800",
                List.of("gateway", "user-service"));
        FreshToken tokens = new LocalStackAccess(new RunRecord("gateway-vs-direct")).registeredPersonTokens();
        run(http("direct").get(LocalStackAccess.userService() + "/api/v1/users/me")
                        .header("Authorization", session -> tokens.bearer()),
                http("gateway").get(LocalStackAccess.gateway() + "/api/v1/users/me")
                        .header("Authorization", session -> tokens.bearer()));
    }

    @Override
    protected String description() {
        return "GET /api/v1/users/me with a registered person's token (one token, as one client would), direct to"
                + " user-service vs through the gateway; token caches " + System.getProperty("bench.tokenCache",
                "on") + ".";
    }
}
