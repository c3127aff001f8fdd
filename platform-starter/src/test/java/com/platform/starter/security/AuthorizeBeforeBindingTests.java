package com.platform.starter.security;

import java.util.UUID;

import com.platform.starter.StarterIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The role check of {@code @PreAuthorize} runs before the body is read: bad input never outranks a missing role. */
class AuthorizeBeforeBindingTests extends StarterIntegrationTest {

    private ResultActions createThing(String role, String body) throws Exception {
        return mvc.perform(post("/api/v1/things").header("Authorization", bearer(tokens.user("subject-9", role)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aCallerWithoutTheRoleGets403ForAMalformedBody() throws Exception {
        createThing("auditor", "{\"name\": [1, {").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void aCallerWithoutTheRoleGets403ForAnInvalidBody() throws Exception {
        createThing("auditor", "{\"name\": \"\", \"quantity\": -5}").andExpect(status().isForbidden());
    }

    @Test
    void aCallerWithoutTheRoleGets403BeforeTheIdempotencyKeyIsAskedFor() throws Exception {
        mvc.perform(post("/api/v1/things").header("Authorization", bearer(tokens.user("subject-9", "auditor")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"ok\", \"quantity\": 1}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCallerWithTheRoleStillGetsTheValidationError() throws Exception {
        createThing("user", "{\"name\": [1, {").andExpect(status().isBadRequest());
    }
}
