package com.platform.starter;

import com.platform.starter.testapp.StarterTestApplication;
import com.platform.testsupport.PlatformTestEnvironment;
import com.platform.testsupport.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One Spring context for all starter integration tests: the test application on a real port, real PostgreSQL,
 * a real (embedded KRaft) Kafka broker and the local token issuer. Keep the annotations here only: a different set
 * on a test class would start a second context, broker and database.
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
// the broker creates no topic on first use, as in the local stack: a test using an undeclared topic fails
@EmbeddedKafka(partitions = 3, topics = {StarterTestApplication.TOPIC, StarterTestApplication.TOPIC + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
public abstract class StarterIntegrationTest {

    protected static final TestTokens tokens = TestTokens.get();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestEnvironment.register(registry, "starter");
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected static String userToken() {
        return tokens.user("7c1e6a52-0000-4000-8000-000000000001", "user");
    }
}
