package com.platform.user.registration;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import com.platform.user.support.UserServiceIntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** U1-U3 through the API: e-mail over real SMTP, SMS through the provider's API, codes, resends, duplicates. */
@ExtendWith(OutputCaptureExtension.class)
class RegistrationIntegrationTests extends UserServiceIntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    RegistrationCleanup cleanup;

    @Autowired
    MeterRegistry meters;

    private JsonNode registerByEmail(String email) throws Exception {
        return body(postJson("/api/v1/registrations", Map.of("channel", "EMAIL", "email", email, "password",
                PASSWORD, "displayName", "Han Meimei"), null).andExpect(status().isCreated()));
    }

    private JsonNode registerByPhone(String phone) throws Exception {
        return body(postJson("/api/v1/registrations", Map.of("channel", "PHONE", "phone", phone, "password",
                PASSWORD, "displayName", "韩梅梅"), null).andExpect(status().isCreated()));
    }

    private String verification(JsonNode registered) {
        return "/api/v1/registrations/" + registered.get("registrationId").asString() + "/verification";
    }

    private UUID userId(JsonNode registered) {
        return UUID.fromString(registered.get("userId").asString());
    }

    @Test
    void registersByEmailVerifiesWithTheMailedCodeAndShowsLevelL1(CapturedOutput output) throws Exception {
        String email = freshEmail();
        JsonNode registered = registerByEmail(email);
        assertThat(registered.get("status").asString()).isEqualTo("PENDING_VERIFICATION");
        UUID userId = userId(registered);
        assertThat(directory.login(userId).username).isEqualTo(email);
        assertThat(directory.login(userId).enabled).as("no login before the contact is verified").isFalse();
        assertThat(directory.rolesOf(userId)).containsExactly("user");

        String code = codeMailedTo(email);
        postJson(verification(registered), Map.of("code", code), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(userId.toString()))
                .andExpect(jsonPath("$.level").value("L1"));

        assertThat(directory.login(userId).enabled).isTrue();
        mvc.perform(get("/api/v1/users/me").header("Authorization", userToken(userId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("L1"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.email").value(email.charAt(0) + "*".repeat(email.indexOf('@') - 1)
                        + "@example.com"))
                .andExpect(jsonPath("$.roles[0]").value("user"));
        assertThat(eventsOf(userId, 4)).extracting(e -> e.get("type").asString())
                .containsSubsequence("user.registered", "user.contact-verified", "user.level-changed",
                        "user.status-changed");
        // U5, X4: neither the contact nor the code ever reaches the log
        assertThat(output.getAll()).doesNotContain(email).doesNotContain(code).doesNotContain(PASSWORD);
    }

    @Test
    void registersByPhoneWithTheCodeSentThroughTheSmsProvider(CapturedOutput output) throws Exception {
        String phone = freshPhone();
        JsonNode registered = registerByPhone(phone.substring(3));  // typed without +86
        UUID userId = userId(registered);
        assertThat(directory.login(userId).username).as("E.164 username").isEqualTo(phone);

        String code = codeTextedTo(phone);
        postJson(verification(registered), Map.of("code", code), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("L1"));
        mvc.perform(get("/api/v1/users/me").header("Authorization", userToken(userId)))
                .andExpect(jsonPath("$.phone").value("+86139****" + phone.substring(10)));
        assertThat(output.getAll()).doesNotContain(phone.substring(3)).doesNotContain(code);
    }

    @Test
    void refusesATakenContactWithoutSayingWhoHasIt() throws Exception {
        String email = freshEmail();
        registerByEmail(email);
        postJson("/api/v1/registrations", Map.of("channel", "EMAIL", "email", email.toUpperCase(), "password",
                PASSWORD, "displayName", "Someone Else"), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("USER_CONTACT_TAKEN"))
                .andExpect(content -> assertThat(content.getResponse().getContentAsString())
                        .doesNotContainIgnoringCase(email));

        String phone = freshPhone();
        registerByPhone(phone);
        postJson("/api/v1/registrations", Map.of("channel", "PHONE", "phone", phone, "password", PASSWORD,
                "displayName", "Someone Else"), null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("USER_CONTACT_TAKEN"));
    }

    @Test
    void aLoginTakenInKeycloakIsAlsoATakenContactAndLeavesNoAccount() throws Exception {
        String email = freshEmail();
        directory.addLogin(email, "operator");
        long before = jdbc.queryForObject("select count(*) from user_account", Long.class);
        postJson("/api/v1/registrations", Map.of("channel", "EMAIL", "email", email, "password", PASSWORD,
                "displayName", "Staff Twin"), null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("USER_CONTACT_TAKEN"));
        assertThat(jdbc.queryForObject("select count(*) from user_account", Long.class)).isEqualTo(before);
    }

    @Test
    void aLoginLeftBehindByAFailedRegistrationDoesNotHoldTheContactForever() throws Exception {
        // what a registration leaves when its transaction and then the removal of its login both failed
        String email = freshEmail();
        UUID leftBehind = directory.addLogin(email, "user", "default-roles-platform");
        directory.login(leftBehind).enabled = false;
        UUID disabledStaff = directory.addLogin(freshEmail(), "operator");
        directory.login(disabledStaff).enabled = false;
        Map<String, String> request = Map.of("channel", "EMAIL", "email", email, "password", PASSWORD,
                "displayName", "Han Meimei");

        // a young login may belong to a registration still committing
        postJson("/api/v1/registrations", request, null).andExpect(status().isConflict());
        assertThat(directory.exists(leftBehind)).isTrue();

        clock.advance(RegistrationLogins.IN_FLIGHT.plusMinutes(1));
        JsonNode registered = body(postJson("/api/v1/registrations", request, null)
                .andExpect(status().isCreated()));
        assertThat(directory.exists(leftBehind)).isFalse();
        assertThat(directory.login(userId(registered)).username).isEqualTo(email);
        body(postJson(verification(registered), Map.of("code", codeMailedTo(email)), null)
                .andExpect(status().isOk()));

        // a disabled login holding a staff role is never taken over
        postJson("/api/v1/registrations", Map.of("channel", "EMAIL", "email", directory.login(disabledStaff).username,
                "password", PASSWORD, "displayName", "Staff Twin"), null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("USER_CONTACT_TAKEN"));
        assertThat(directory.exists(disabledStaff)).isTrue();
    }

    @Test
    void keycloakDownIsA503AndNothingIsWritten() throws Exception {
        directory.goDown();
        long before = jdbc.queryForObject("select count(*) from user_account", Long.class);
        postJson("/api/v1/registrations", Map.of("channel", "EMAIL", "email", freshEmail(), "password", PASSWORD,
                "displayName", "Han Meimei"), null)
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
        assertThat(jdbc.queryForObject("select count(*) from user_account", Long.class)).isEqualTo(before);
    }

    @Test
    void aWrongCodeCountsAndFiveWrongCodesLockTheCode() throws Exception {
        String email = freshEmail();
        JsonNode registered = registerByEmail(email);
        String right = codeMailedTo(email);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt <= 4; attempt++) {
            postJson(verification(registered), Map.of("code", wrong), null)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VERIFICATION_CODE_WRONG"))
                    .andExpect(jsonPath("$.errors[0].field").value("code"))
                    .andExpect(jsonPath("$.detail").value(containsString((5 - attempt) + " attempt")));
        }
        postJson(verification(registered), Map.of("code", wrong), null)
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("VERIFICATION_ATTEMPTS_EXCEEDED"));
        // even the right code no longer works
        postJson(verification(registered), Map.of("code", right), null).andExpect(status().isTooManyRequests());
    }

    @Test
    void anExpiredCodeIsGoneAndAResentOneWorks() throws Exception {
        String email = freshEmail();
        JsonNode registered = registerByEmail(email);
        String first = codeMailedTo(email);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        postJson(verification(registered), Map.of("code", first), null)
                .andExpect(status().isGone()).andExpect(jsonPath("$.code").value("VERIFICATION_CODE_EXPIRED"));

        String resend = "/api/v1/registrations/" + registered.get("registrationId").asString() + "/resend";
        postJson(resend, Map.of(), null).andExpect(status().isAccepted());
        await(() -> mailsTo(email).size() == 2);
        String second = codeMailedTo(email);
        postJson(verification(registered), Map.of("code", second), null).andExpect(status().isOk());
        postJson(verification(registered), Map.of("code", second), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("REGISTRATION_ALREADY_VERIFIED"));
    }

    @Test
    void resendsAreRateLimitedWithRetryAfter() throws Exception {
        JsonNode registered = registerByEmail(freshEmail());
        String resend = "/api/v1/registrations/" + registered.get("registrationId").asString() + "/resend";
        postJson(resend, Map.of(), null)
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("CODE_RESEND_TOO_SOON"))
                .andExpect(header().string("Retry-After", not("0")));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(61));
            postJson(resend, Map.of(), null).andExpect(status().isAccepted());
        }
        clock.advance(Duration.ofSeconds(61));
        // five codes in the last hour: the next one waits until the first is an hour old
        postJson(resend, Map.of(), null).andExpect(status().isTooManyRequests());
    }

    @Test
    void anSmsProviderOutageStillRegistersAndTheCodeCanBeResent() throws Exception {
        thirdParties.stubFor(post(urlPathEqualTo("/sms/v1/messages")).willReturn(aResponse().withStatus(503)));
        String phone = freshPhone();
        JsonNode registered = registerByPhone(phone);

        thirdParties.resetAll();
        thirdParties.stubFor(post(urlPathEqualTo("/sms/v1/messages")).willReturn(aResponse().withStatus(202)));
        clock.advance(Duration.ofSeconds(61));
        postJson("/api/v1/registrations/" + registered.get("registrationId").asString() + "/resend", Map.of(), null)
                .andExpect(status().isAccepted());
        postJson(verification(registered), Map.of("code", codeTextedTo(phone)), null).andExpect(status().isOk());
    }

    @Test
    void aSlowSmsProviderDoesNotHoldTheRegistrationUp() throws Exception {
        thirdParties.stubFor(post(urlPathEqualTo("/sms/v1/messages"))
                .willReturn(aResponse().withStatus(202).withFixedDelay(6_000)));
        double failedBefore = smsDeliveryFailures();
        registerByPhone(freshPhone());
        // a 202 after 6 s would be a delivery: a failed one proves the 3 s read timeout cut the call off
        assertThat(smsDeliveryFailures()).as("cut off by the read timeout").isEqualTo(failedBefore + 1);
    }

    private double smsDeliveryFailures() {
        Counter counter = meters.find("user.code.delivery.failures").tag("channel", "PHONE").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void unverifiedRegistrationsExpireWithTheirKeycloakLogin() throws Exception {
        String email = freshEmail();
        JsonNode registered = registerByEmail(email);
        UUID userId = userId(registered);
        clock.advance(Duration.ofHours(25));
        cleanup.removeExpired();

        assertThat(directory.exists(userId)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from user_account where id = ?", Long.class, userId))
                .isZero();
        assertThat(eventsOf(userId, 2)).extracting(e -> e.get("type").asString())
                .contains("user.registration-expired");
        // the contact is free again
        registerByEmail(email);
    }

    @Test
    void aCodeTypedWhileTheCleanupRemovesTheLoginCannotActivateTheAccount() throws Exception {
        String email = freshEmail();
        JsonNode registered = registerByEmail(email);
        UUID userId = userId(registered);
        // a fresh code shortly before the time to live ends: still valid when the cleanup runs
        clock.advance(Duration.ofHours(24).minusMinutes(1));
        postJson("/api/v1/registrations/" + registered.get("registrationId").asString() + "/resend", Map.of(), null)
                .andExpect(status().isAccepted());
        await(() -> mailsTo(email).size() == 2);
        String code = codeMailedTo(email);
        clock.advance(Duration.ofMinutes(2));

        AtomicInteger typedWhileRemoving = new AtomicInteger();
        directory.beforeDeleting(userId, () -> {
            try {
                typedWhileRemoving.set(postJson(verification(registered), Map.of("code", code), null).andReturn()
                        .getResponse().getStatus());
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        cleanup.removeExpired();

        assertThat(typedWhileRemoving.get()).as("the code no longer verifies").isEqualTo(410);
        assertThat(directory.exists(userId)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from user_account where id = ?", Long.class, userId))
                .as("no account is left without its login").isZero();
    }

    @Test
    void aRegistrationVerifiedBeforeTheCleanupKeepsItsLogin() throws Exception {
        String email = freshEmail();
        JsonNode registered = registerByEmail(email);
        UUID userId = userId(registered);
        clock.advance(Duration.ofHours(24).minusMinutes(1));
        postJson("/api/v1/registrations/" + registered.get("registrationId").asString() + "/resend", Map.of(), null)
                .andExpect(status().isAccepted());
        await(() -> mailsTo(email).size() == 2);
        String code = codeMailedTo(email);
        clock.advance(Duration.ofMinutes(2));
        postJson(verification(registered), Map.of("code", code), null).andExpect(status().isOk());

        cleanup.removeExpired();

        assertThat(directory.exists(userId)).isTrue();
        assertThat(jdbc.queryForObject("select status from user_account where id = ?", String.class, userId))
                .isEqualTo("ACTIVE");
    }

    @Test
    void contactsAreEncryptedAtRest() throws Exception {
        String email = freshEmail();
        UUID userId = userId(registerByEmail(email));
        String stored = jdbc.queryForObject("select email_cipher from user_account where id = ?", String.class,
                userId);
        assertThat(stored).startsWith("v1:").doesNotContain(email).doesNotContain(email.substring(0, 8));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition);
    }
}
