package com.platform.transaction.transaction;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.platform.transaction.support.TransactionServiceIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** T2: with the circuit open, a payer check fails fast (503 naming the dependency) without calling user-service. */
class CircuitBreakerIntegrationTests extends TransactionServiceIntegrationTest {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void anOpenCircuitAnswersAtOnceWithoutCallingTheService() throws Exception {
        Payer payer = payer();
        Partner partner = partner("LOGISTICS");
        create(payer, partner, "1.00").andExpect(status().isCreated());
        CircuitBreaker userService = breakers.getAllCircuitBreakers().stream()
                .filter(b -> b.getName().startsWith("UserServiceClient")).findFirst().orElseThrow();
        userService.transitionToOpenState();
        try {
            remote.resetRequests();
            create(payer, partner, "1.00").andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("USER_SERVICE_UNAVAILABLE"));
            remote.verify(0, getRequestedFor(urlPathEqualTo("/internal/v1/users/" + payer.id() + "/eligibility")));
            assertThat(jdbc.queryForObject("select count(*) from transaction where payer_id = ?", Integer.class,
                    payer.id())).isEqualTo(1);
        }
        finally {
            userService.transitionToClosedState();
        }
        create(payer, partner, "1.00").andExpect(status().isCreated());
    }
}
