package com.platform.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./platform inbox ADDRESS_OR_PHONE}: what the platform sent to an e-mail address (from the local mail
 * server) or a phone number (from the SMS requests the simulator received), so a developer can finish a
 * registration by hand.
 */
final class Inbox {

    /** The SMS provider's send path in the simulator (local-stack/wiremock/mappings/sms-provider.json). */
    static final String SMS_SEND_PATH = "/sms/v1/messages";

    private final StackLayout layout;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    Inbox(StackLayout layout) {
        this.layout = layout;
    }

    void print(String recipient) throws IOException, InterruptedException {
        if (recipient.contains("@")) {
            printMail(recipient);
        }
        else {
            printSms(recipient);
        }
    }

    private void printMail(String address) throws IOException, InterruptedException {
        String url = "http://localhost:" + layout.mailApiPort() + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.out.println("No mail for " + address + ".");
            return;
        }
        JsonNode messages = json.readTree(response.body());
        if (messages.isEmpty()) {
            System.out.println("No mail for " + address + ".");
        }
        for (JsonNode message : messages) {
            System.out.println("--- " + message.path("subject").asString());
            System.out.println(bodyOf(message.path("mimeMessage").asString()));
        }
    }

    private void printSms(String phone) throws IOException, InterruptedException {
        String query = "{\"method\": \"POST\", \"urlPath\": \"" + SMS_SEND_PATH + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + layout.simulatorPort() + "/__admin/requests/find"))
                .POST(HttpRequest.BodyPublishers.ofString(query)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        int found = 0;
        for (JsonNode request : json.readTree(response.body()).path("requests")) {
            String body = request.path("body").asString();
            if (body.contains(phone)) {
                found++;
                System.out.println("--- SMS (" + request.path("loggedDateString").asString() + ")");
                System.out.println(json.readTree(body).path("text").asString(body));
            }
        }
        if (found == 0) {
            System.out.println("No SMS for " + phone + ".");
        }
    }

    /** The text after the MIME headers; enough to read a one-time code. */
    private static String bodyOf(String mime) {
        int blank = mime.indexOf("\r\n\r\n");
        return blank < 0 ? mime : mime.substring(blank + 4).trim();
    }
}
