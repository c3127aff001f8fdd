package com.platform.starter.security;

import java.util.Map;

import com.platform.starter.StarterIntegrationTest;
import com.platform.starter.requestid.RequestIds;
import com.platform.starter.testapp.SelfClient;
import com.platform.testsupport.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.openfeign.FeignClientBuilder;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceToServiceCallTests extends StarterIntegrationTest {

    @Autowired
    ApplicationContext context;

    private SelfClient client() {
        return new FeignClientBuilder(context).forType(SelfClient.class, "self")
                .url("http://localhost:" + port).build();
    }

    @Test
    void feignCallToInternalApiCarriesACachedServiceTokenAndTheRequestId() {
        SelfClient client = client();
        int tokensBefore = tokens.tokenRequests();

        RequestIds.runWith("feign-request-1", () -> {
            Map<String, String> first = client.ping();
            assertThat(first).containsEntry("caller", "service-account-" + TestTokens.SERVICE_CLIENT_ID)
                    .containsEntry("requestId", "feign-request-1");
        });
        Map<String, String> second = client.ping();

        assertThat(second.get("caller")).isEqualTo("service-account-" + TestTokens.SERVICE_CLIENT_ID);
        assertThat(tokens.tokenRequests() - tokensBefore)
                .as("the second call reuses the cached token")
                .isLessThanOrEqualTo(1);
    }
}
