package com.platform.user.access;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import com.platform.user.support.UserServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** U6: roles are set in Keycloak by admins; access reviews cover every privileged holder and revoke in Keycloak. */
class RolesAndAccessReviewIntegrationTests extends UserServiceIntegrationTest {

    @Autowired
    RoleService roleService;

    private final UUID adminId = UUID.randomUUID();
    private final String admin = staffToken(adminId.toString(), "admin");

    @Test
    void anAdminGrantsAndRevokesRolesInKeycloak() throws Exception {
        Person person = activePerson();
        mvc.perform(put("/api/v1/users/" + person.userId() + "/roles").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"user\",\"operator\"],\"reason\":\"joined operations\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles.length()").value(2));
        assertThat(directory.rolesOf(person.userId())).containsExactlyInAnyOrder("user", "operator");
        mvc.perform(get("/api/v1/users/me").header("Authorization", person.token()))
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.containsInAnyOrder("user", "operator")));

        mvc.perform(put("/api/v1/users/" + person.userId() + "/roles").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"user\"]}"))
                .andExpect(status().isOk());
        assertThat(directory.rolesOf(person.userId())).containsExactly("user");
        assertThat(eventsOf(person.userId(), 6)).extracting(e -> e.get("type").asString())
                .contains("user.roles-changed");
    }

    @Test
    void rolesOutsideTheAssignableSetAndOwnRolesAreRefused() throws Exception {
        Person person = activePerson();
        mvc.perform(put("/api/v1/users/" + person.userId() + "/roles").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"service\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roles"));
        UUID self = directory.addLogin("admin-self-" + UUID.randomUUID(), "admin");
        mvc.perform(put("/api/v1/users/" + self + "/roles").header("Authorization", staffToken(self.toString(),
                        "admin")).contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"admin\",\"auditor\"]}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SELF_ROLE_CHANGE"));
        directory.goDown();
        mvc.perform(put("/api/v1/users/" + person.userId() + "/roles").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"user\",\"auditor\"]}"))
                .andExpect(status().isServiceUnavailable());
        directory.comeBack();
        assertThat(directory.rolesOf(person.userId())).containsExactly("user");
    }

    private ResultActions setRoles(UUID userId, String body) throws Exception {
        return mvc.perform(put("/api/v1/users/" + userId + "/roles").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<String> auditedRoleChanges(UUID userId) {
        return jdbc.queryForList("select after_state from audit_entry where action = 'roles.changed' and target_id = ?"
                + " order by seq", String.class, userId.toString());
    }

    private String storedRoles(UUID userId) {
        return jdbc.queryForObject("select array_to_string(roles, ',') from user_account where id = ?", String.class,
                userId);
    }

    @Test
    void aRoleChangeKeycloakAppliedWithoutAnsweringIsAuditedAndCompletedLater() throws Exception {
        Person person = activePerson();
        directory.loseNextRoleChangeAnswer();
        setRoles(person.userId(), "{\"roles\":[\"user\",\"operator\"],\"reason\":\"joined operations\"}")
                .andExpect(status().isServiceUnavailable());

        assertThat(directory.rolesOf(person.userId())).as("Keycloak applied it").contains("operator");
        assertThat(auditedRoleChanges(person.userId())).as("and its audit entry was there first").singleElement()
                .asString().contains("operator", "joined operations");
        assertThat(storedRoles(person.userId())).as("not completed yet").isEqualTo("user");

        clock.advance(RoleChange.CALL_LEASE.plusSeconds(1));
        roleService.applyPending();
        assertThat(storedRoles(person.userId()).split(",")).containsExactlyInAnyOrder("user", "operator");
        assertThat(eventsOf(person.userId(), 5)).extracting(e -> e.get("type").asString())
                .contains("user.roles-changed");
        assertThat(auditedRoleChanges(person.userId())).as("one change, one entry").hasSize(1);
    }

    @Test
    void aRoleChangeKeycloakMissedIsAppliedWhenItIsBackUnlessANewerOneReplacedIt() throws Exception {
        Person applied = activePerson();
        Person replaced = activePerson();
        directory.refuseRoleChanges(2);
        setRoles(applied.userId(), "{\"roles\":[\"user\",\"auditor\"]}").andExpect(status().isServiceUnavailable());
        setRoles(replaced.userId(), "{\"roles\":[\"user\",\"operator\"]}").andExpect(status().isServiceUnavailable());
        assertThat(auditedRoleChanges(applied.userId())).as("recorded before Keycloak was asked").hasSize(1);
        assertThat(directory.rolesOf(applied.userId())).containsExactly("user");
        setRoles(replaced.userId(), "{\"roles\":[\"user\",\"risk_officer\"]}").andExpect(status().isOk());

        clock.advance(RoleChange.CALL_LEASE.plusSeconds(1));
        roleService.applyPending();
        assertThat(directory.rolesOf(applied.userId())).containsExactlyInAnyOrder("user", "auditor");
        assertThat(storedRoles(applied.userId()).split(",")).containsExactlyInAnyOrder("user", "auditor");
        assertThat(directory.rolesOf(replaced.userId())).as("the later decision wins")
                .containsExactlyInAnyOrder("user", "risk_officer");
    }

    @Test
    void aRevocationKeycloakAppliedWithoutAnsweringIsAudited() throws Exception {
        UUID operator = directory.addLogin("op-lost-" + UUID.randomUUID(), "operator");
        JsonNode review = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/access-reviews").header("Authorization", admin)).andExpect(status().isCreated()));
        JsonNode item = review.get("items").valueStream()
                .filter(i -> i.get("userId").asString().equals(operator.toString())).findFirst().orElseThrow();
        directory.loseNextRoleChangeAnswer();
        postJson("/api/v1/access-reviews/" + review.get("id").asString() + "/items/" + item.get("id").asString()
                + "/decision", Map.of("decision", "REVOKE", "reason", "left the team"), admin)
                .andExpect(status().isServiceUnavailable());

        assertThat(directory.rolesOf(operator)).doesNotContain("operator");
        assertThat(auditedRoleChanges(operator)).singleElement().asString().contains("left the team");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'access-review.decided' "
                + "and target_id = ?", Long.class, item.get("id").asString())).isEqualTo(1);
    }

    @Test
    void aCampaignReviewsEveryPrivilegedHolderAndRevocationsReachKeycloak() throws Exception {
        UUID operator = directory.addLogin("op-" + UUID.randomUUID(), "operator");
        UUID auditor = directory.addLogin("aud-" + UUID.randomUUID(), "auditor", "operator");
        JsonNode review = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/access-reviews").header("Authorization", admin)).andExpect(status().isCreated()));
        List<JsonNode> items = review.get("items").valueStream().toList();
        assertThat(items.stream().filter(i -> i.get("userId").asString().equals(auditor.toString()))
                .map(i -> i.get("role").asString())).containsExactlyInAnyOrder("auditor", "operator");
        JsonNode operatorItem = items.stream().filter(i -> i.get("userId").asString().equals(operator.toString()))
                .findFirst().orElseThrow();

        String decide = "/api/v1/access-reviews/" + review.get("id").asString() + "/items/"
                + operatorItem.get("id").asString() + "/decision";
        postJson(decide, Map.of("decision", "REVOKE", "reason", "left the team"), admin)
                .andExpect(status().isOk());
        assertThat(directory.rolesOf(operator)).doesNotContain("operator");
        postJson(decide, Map.of("decision", "KEEP", "reason", "oops"), admin).andExpect(status().isConflict());

        mvc.perform(get("/api/v1/access-reviews/" + review.get("id").asString())
                        .header("Authorization", staffToken("auditor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.overdue").value(false));
        clock.advance(Duration.ofDays(15));
        mvc.perform(get("/api/v1/access-reviews").header("Authorization", staffToken("auditor")))
                .andExpect(jsonPath("$.items[0].overdue").value(true));
    }

    @Test
    void nobodyReviewsTheirOwnAccess() throws Exception {
        UUID reviewer = directory.addLogin("rev-" + UUID.randomUUID(), "admin");
        String reviewerToken = staffToken(reviewer.toString(), "admin");
        JsonNode review = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/v1/access-reviews").header("Authorization", reviewerToken)));
        JsonNode own = review.get("items").valueStream()
                .filter(i -> i.get("userId").asString().equals(reviewer.toString())).findFirst().orElseThrow();
        postJson("/api/v1/access-reviews/" + review.get("id").asString() + "/items/" + own.get("id").asString()
                + "/decision", Map.of("decision", "KEEP", "reason", "I am great"), reviewerToken)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("REVIEWER_CONFLICT"));
    }
}
