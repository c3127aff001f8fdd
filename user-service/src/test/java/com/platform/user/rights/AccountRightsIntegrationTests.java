package com.platform.user.rights;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import com.platform.user.support.Documents;
import com.platform.user.support.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** U7: export, correction, closure (refused while business is open), complaints and suggestions. */
class AccountRightsIntegrationTests extends UserServiceIntegrationTest {

    @Test
    void theExportHoldsEverythingUnmaskedWhileTheProfileIsMasked() throws Exception {
        Person person = activePerson();
        String number = Documents.residentId();
        postJson("/api/v1/users/me/identity-verifications", Map.of("legalName", "张三", "documentType",
                "RESIDENT_ID", "documentNumber", number), person.token()).andExpect(status().isCreated());
        postJson("/api/v1/feedback", Map.of("kind", "SUGGESTION", "subject", "Dark mode", "body", "Please"),
                person.token()).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/users/me").header("Authorization", person.token()))
                .andExpect(jsonPath("$.email").value(org.hamcrest.Matchers.containsString("****")));
        mvc.perform(get("/api/v1/users/me/export").header("Authorization", person.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account.email").value(person.email()))
                .andExpect(jsonPath("$.identityVerifications[0].documentNumber").value(number))
                .andExpect(jsonPath("$.identityVerifications[0].legalName").value("张三"))
                .andExpect(jsonPath("$.feedback[0].subject").value("Dark mode"));
    }

    @Test
    void thePersonCorrectsTheDisplayName() throws Exception {
        Person person = activePerson();
        mvc.perform(patch("/api/v1/users/me").header("Authorization", person.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Li Lei Jr\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.displayName").value("Li Lei Jr"));
        mvc.perform(get("/api/v1/users/me").header("Authorization", person.token()))
                .andExpect(jsonPath("$.displayName").value("Li Lei Jr"));
    }

    @Test
    void closureWaitsForOpenBusinessThenErasesPersonalData() throws Exception {
        Person person = activePerson();
        String number = Documents.residentId();
        postJson("/api/v1/users/me/identity-verifications", Map.of("legalName", "李四", "documentType",
                "RESIDENT_ID", "documentNumber", number), person.token()).andExpect(status().isCreated());
        UUID transactionId = UUID.randomUUID();
        publish("platform.transactions.v1", transactionId.toString(), "transaction.created", Map.of(
                "transactionId", transactionId.toString(), "payerId", person.userId().toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from open_business where user_id = ?", Long.class, person.userId()) == 1);

        mvc.perform(delete("/api/v1/users/me").header("Authorization", person.token()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("USER_HAS_OPEN_BUSINESS"));

        publish("platform.transactions.v1", transactionId.toString(), "transaction.settled", Map.of(
                "transactionId", transactionId.toString(), "payerId", person.userId().toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from open_business where user_id = ?", Long.class, person.userId()) == 0);
        mvc.perform(delete("/api/v1/users/me").header("Authorization", person.token()))
                .andExpect(status().isAccepted());

        Map<String, Object> row = jdbc.queryForMap("select * from user_account where id = ?", person.userId());
        assertThat(row.get("status")).isEqualTo("CLOSED");
        assertThat(row.get("email_cipher")).isNull();
        assertThat(row.get("email_index")).isNull();
        assertThat(row.get("display_name")).isEqualTo("closed account");
        assertThat(jdbc.queryForObject("select count(*) from identity_verification where user_id = ? and "
                + "(document_cipher is not null or legal_name_cipher is not null)", Long.class, person.userId()))
                .isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !directory.login(person.userId()).enabled);
        assertThat(directory.login(person.userId()).username).isEqualTo("closed-" + person.userId());
        // the contact and the document can back a new account
        activePersonWithEmail(person.email());
        mvc.perform(get("/internal/v1/users/" + person.userId() + "/eligibility")
                        .header("Authorization", bearer(tokens.service())))
                .andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.canTransact").value(false));
    }

    @Test
    void complaintsAreAnsweredByOperatorsAndThePersonSeesTheReply() throws Exception {
        Person person = activePerson();
        JsonNode filed = body(postJson("/api/v1/feedback", Map.of("kind", "COMPLAINT", "subject", "Parcel late",
                "body", "Order 123 is a week late"), person.token()).andExpect(status().isCreated()));
        String operator = staffToken("operator");
        mvc.perform(get("/api/v1/feedback").header("Authorization", operator))
                .andExpect(status().isOk());
        String reply = "/api/v1/feedback/" + filed.get("id").asString() + "/reply";
        postJson(reply, Map.of("reply", "Sorry, we escalated it"), operator)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED"));
        postJson(reply, Map.of("reply", "Again"), operator).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/users/me/feedback").header("Authorization", person.token()))
                .andExpect(jsonPath("$[0].reply").value("Sorry, we escalated it"))
                .andExpect(jsonPath("$[0].status").value("ANSWERED"));
    }

    private void activePersonWithEmail(String email) throws Exception {
        postJson("/api/v1/registrations", Map.of("channel", "EMAIL", "email", email, "password",
                "correct horse battery", "displayName", "Back Again"), null).andExpect(status().isCreated());
    }
}
