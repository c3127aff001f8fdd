package com.platform.starter.problem;

import com.platform.starter.StarterIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProblemDetailsTests extends StarterIntegrationTest {

    private org.springframework.test.web.servlet.ResultActions postThing(String body) throws Exception {
        return mvc.perform(post("/api/v1/things").header("Authorization", bearer(userToken()))
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private int things() {
        return jdbc.queryForObject("select count(*) from thing", Integer.class);
    }

    @Test
    void malformedJsonIsBadRequestNamingTheBody() throws Exception {
        int before = things();
        postThing("{\"name\": \"a\", ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.requestId").value(notNullValue()));
        assertThat(things()).isEqualTo(before);
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        postThing("{\"name\": \"a\", \"kind\": \"PARCEL\", \"quantity\": \"many\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
    }

    @Test
    void valuesOfTheWrongJsonTypeAreNotCoerced() throws Exception {
        int before = things();
        postThing("{\"name\": 42, \"kind\": \"PARCEL\", \"quantity\": 1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        postThing("{\"name\": \"a\", \"kind\": 0, \"quantity\": 1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        postThing("{\"name\": \"a\", \"kind\": \"PARCEL\", \"quantity\": \"1\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"));
        postThing("{\"name\": \"a\", \"kind\": \"PARCEL\", \"quantity\": 1, \"items\": {\"sku\": \"x\"}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items"));
        assertThat(things()).isEqualTo(before);
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() throws Exception {
        postThing("{\"name\": \"a\", \"kind\": \"CRATE\", \"quantity\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("PARCEL")));
    }

    @Test
    void invalidNestedFieldIsNamedByItsPath() throws Exception {
        int before = things();
        postThing("{\"name\": \"a\", \"kind\": \"PARCEL\", \"quantity\": 1, \"items\": [{\"sku\": \"\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[0].sku"));
        assertThat(things()).isEqualTo(before);
    }

    @Test
    void missingAndTooLongFieldsAreAllNamed() throws Exception {
        postThing("{\"kind\": \"PARCEL\", \"quantity\": 5000}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].field").value("quantity"));
        postThing("{\"name\": \"" + "x".repeat(51) + "\", \"kind\": \"PARCEL\", \"quantity\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void oversizedPageIsBadRequestNamingSize() throws Exception {
        mvc.perform(get("/api/v1/things").param("size", "101").header("Authorization", bearer(userToken())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/things").param("page", "-1").header("Authorization", bearer(userToken())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void wrongQueryParameterTypeNamesTheParameter() throws Exception {
        mvc.perform(get("/api/v1/things").param("kind", "CRATE").header("Authorization", bearer(userToken())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/api/v1/things").param("page", "first").header("Authorization", bearer(userToken())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void unexpectedErrorIsGeneric500WithoutInternals() throws Exception {
        mvc.perform(get("/api/v1/things/boom").header("Authorization", bearer(userToken()))
                        .header("X-Request-Id", "req-boom-1"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(jsonPath("$.requestId").value("req-boom-1"))
                .andExpect(content().string(not(containsString("secret_table"))))
                .andExpect(content().string(not(containsString("hunter2"))));
    }

    @Test
    void unknownPathIsNotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").header("Authorization", bearer(userToken())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblem() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/things")
                        .header("Authorization", bearer(userToken())))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }
}
