package com.platform.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.platform.testsupport.CreditCodes;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a person does to get an account: register, read the code from the local inbox, verify. */
final class People {

    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");

    private People() {
    }

    static String registerAndVerify(Map<String, Object> registration, String contact) throws Exception {
        JsonNode registered = Client.ok(Client.send("POST", "/api/v1/registrations", null, registration));
        String code = await().atMost(Duration.ofSeconds(20)).until(() -> codeIn(contact), c -> c != null);
        JsonNode verified = Client.ok(Client.send("POST", "/api/v1/registrations/" + registered.get("registrationId")
                .asString() + "/verification", null, Map.of("code", code)));
        assertThat(verified.get("level").asString()).isEqualTo("L1");
        return registered.get("userId").asString();
    }

    private static String codeIn(String contact) throws Exception {
        List<String> messages = E2EStack.get().inbox(contact);
        if (messages.isEmpty()) {
            return null;
        }
        Matcher matcher = CODE.matcher(messages.get(messages.size() - 1));
        return matcher.find() ? matcher.group(1) : null;
    }

    /** A valid unified social credit code (GB 32100) that no other run has used. */
    static String creditCode() {
        return CreditCodes.random();
    }

    /** A valid resident ID number (GB 11643 check character) that no other run has used. */
    static String residentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "110101" + (1960 + random.nextInt(40)) + String.format("%02d%02d%03d",
                1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
