package com.platform.testsupport;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every service must do before it has any domain (X5, X6): start on its own database and a real broker,
 * migrate with Flyway, report liveness and readiness, expose Prometheus metrics, its OpenAPI document and build
 * info, and serve its audit trail to auditors only. A service's test class extends this and adds nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
public abstract class ServiceSkeletonContract {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Value("${platform.audit.trail}")
    protected String trail;

    @Value("${spring.application.name}")
    protected String applicationName;

    protected final TestTokens tokens = TestTokens.get();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestEnvironment.register(registry, "service");
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Test
    void migratesItsOwnDatabaseWithThePlatformTables() {
        // the starter's migrations keep their own history; the service's history holds only its own
        List<String> platform = jdbc.queryForList(
                "select version from flyway_platform_history where success order by installed_rank", String.class);
        assertThat(platform).contains("0.1", "0.2", "0.3", "0.4", "0.5", "0.6");
        List<String> versions = jdbc.queryForList(
                "select version from flyway_schema_history where success and type = 'SQL' order by installed_rank",
                String.class);
        assertThat(versions).noneMatch(v -> v.startsWith("0."));
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class)).contains("outbox_event", "processed_event", "idempotency_key", "audit_entry");
    }

    @Test
    void reportsLivenessAndReadiness() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Autowired
    ApplicationContext context;

    /**
     * SMTP is a third party: an unreachable mailbox fails the mails (each says so), it must not take the whole service
     * out of the load balancer, and the indicator opened an SMTP connection on every health call.
     */
    @Test
    void theMailServerIsNotPartOfTheServicesHealth() {
        assertThat(context.containsBean("mailHealthContributor")).isFalse();
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("platform_outbox_pending")))
                .andExpect(content().string(containsString("application=\"" + applicationName + "\"")));
    }

    @Test
    void exposesBuildInfo() throws Exception {
        mvc.perform(get("/actuator/info")).andExpect(status().isOk())
                .andExpect(jsonPath("$.build.artifact").value(applicationName));
    }

    @Test
    void publishesItsOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit/" + trail + "/events']").exists());
    }

    @Test
    void auditTrailIsForAuditorsAndAdminsOnly() throws Exception {
        String events = "/api/v1/audit/" + trail + "/events";
        mvc.perform(get(events).header("Authorization", "Bearer " + tokens.user("auditor-1", "auditor")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit/" + trail + "/verification")
                        .header("Authorization", "Bearer " + tokens.user("admin-1", "admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
        mvc.perform(get(events).header("Authorization", "Bearer " + tokens.user("user-1", "user", "operator")))
                .andExpect(status().isForbidden());
        mvc.perform(get(events)).andExpect(status().isUnauthorized());
    }

    @Test
    void internalApiTakesServiceTokensOnly() throws Exception {
        mvc.perform(get("/internal/v1/anything").header("Authorization", "Bearer " + tokens.user("u-1", "user")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/internal/v1/anything").header("Authorization", "Bearer " + tokens.service()))
                .andExpect(status().isNotFound());
    }
}
