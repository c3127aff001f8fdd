package com.platform.starter.security;

import java.time.Instant;

import com.platform.starter.StarterIntegrationTest;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ResourceServerSecurityTests extends StarterIntegrationTest {

    private static final String MINE = "/api/v1/things/mine";

    private void expectUnauthorized(String token) throws Exception {
        var request = get(MINE);
        if (token != null) {
            request.header("Authorization", bearer(token));
        }
        mvc.perform(request)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"))
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void validUserTokenIsAccepted() throws Exception {
        mvc.perform(get(MINE).header("Authorization", bearer(tokens.user("subject-1", "user"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("subject-1"));
    }

    @Autowired
    MeterRegistry meters;

    /**
     * Spring Security's observations (a timer and a span around each of its filters, the authentication and the
     * authorization) cost a service 15-20 % of its CPU per request (docs/performance.md) and are read by nobody;
     * the starter turns them off. The checks still run (the request above is authenticated).
     */
    @Test
    void securityFiltersAreNotObservedOneByOne() throws Exception {
        mvc.perform(get(MINE).header("Authorization", bearer(tokens.user("subject-2", "user"))))
                .andExpect(status().isOk());
        expectUnauthorized(null);

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security."));
        // not even no-op observations: the chain's filters are not wrapped one by one on each request
        assertThat(ReflectionTestUtils.getField(filterChainProxy, "filterChainDecorator")).isNotNull()
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    @Autowired
    FilterChainProxy filterChainProxy;

    @Test
    void noTokenIsUnauthorized() throws Exception {
        expectUnauthorized(null);
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        expectUnauthorized(tokens.builder().roles("user").expiresAt(Instant.now().minusSeconds(300)).build());
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() throws Exception {
        expectUnauthorized(tokens.builder().roles("user").issuer("http://evil.example/realms/platform").build());
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() throws Exception {
        expectUnauthorized(tokens.builder().roles("user").audience("another-api").build());
    }

    @Test
    void unsignedAlgNoneTokenIsUnauthorized() throws Exception {
        expectUnauthorized(tokens.unsigned("subject-1", "user"));
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorized() throws Exception {
        expectUnauthorized(tokens.builder().roles("user").signedByForeignKey().build());
    }

    @Test
    void garbageTokenIsUnauthorized() throws Exception {
        expectUnauthorized("not-a-jwt");
    }

    @Test
    void wrongRoleIsForbiddenProblem() throws Exception {
        mvc.perform(get(MINE).header("Authorization", bearer(tokens.user("auditor-1", "auditor"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void partnerIdClaimIsAvailableToTheService() throws Exception {
        String token = tokens.builder().subject("partner-staff-1").roles("user", "partner").partnerId("p-42").build();
        mvc.perform(get(MINE).header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerId").value("p-42"));
    }

    @Test
    void userTokenOnInternalApiIsForbidden() throws Exception {
        mvc.perform(get("/internal/v1/ping").header("Authorization", bearer(tokens.user("u-1", "user", "admin"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void partnerClientTokenOnInternalApiIsForbidden() throws Exception {
        mvc.perform(get("/internal/v1/ping").header("Authorization", bearer(tokens.partner("client-1", "p-1"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void serviceTokenOnInternalApiIsAccepted() throws Exception {
        mvc.perform(get("/internal/v1/ping").header("Authorization", bearer(tokens.service())))
                .andExpect(status().isOk());
    }

    @Test
    void internalApiWithoutTokenIsUnauthorized() throws Exception {
        mvc.perform(get("/internal/v1/ping")).andExpect(status().isUnauthorized());
    }

    @Test
    void healthAndApiDocsArePublic() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/things']").exists());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("platform_outbox_pending")));
    }

    @Test
    void operationalEndpointsNeedAdmin() throws Exception {
        mvc.perform(post("/actuator/deadletters/test.things.v1")
                        .header("Authorization", bearer(tokens.user("u-1", "user"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/actuator/deadletters/test.things.v1")).andExpect(status().isUnauthorized());
    }
}
