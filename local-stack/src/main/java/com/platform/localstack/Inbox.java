package com.platform.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        List<String> messages = messagesTo(recipient);
        if (messages.isEmpty()) {
            System.out.println("Nothing sent to " + recipient + ".");
        }
        messages.forEach(message -> System.out.println("---\n" + message));
    }

    /** The texts sent to an e-mail address or phone number, oldest first. */
    List<String> messagesTo(String recipient) throws IOException, InterruptedException {
        return recipient.contains("@") ? mailTo(recipient) : smsTo(recipient);
    }

    private List<String> mailTo(String address) throws IOException, InterruptedException {
        String url = "http://localhost:" + layout.mailApiPort() + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> texts = new ArrayList<>();
        if (response.statusCode() == 200) {
            for (JsonNode message : json.readTree(response.body())) {
                texts.add(message.path("subject").asString() + "\n" + bodyOf(message.path("mimeMessage").asString()));
            }
        }
        return texts;
    }

    private List<String> smsTo(String phone) throws IOException, InterruptedException {
        String query = "{\"method\": \"POST\", \"urlPath\": \"" + SMS_SEND_PATH + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + layout.simulatorPort() + "/__admin/requests/find"))
                .POST(HttpRequest.BodyPublishers.ofString(query)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> texts = new ArrayList<>();
        for (JsonNode request : json.readTree(response.body()).path("requests")) {
            String body = request.path("body").asString();
            JsonNode sms = json.readTree(body);
            if (phone.equals(sms.path("to").asString())) {
                texts.add(sms.path("text").asString(body));
            }
        }
        // the simulator's journal lists the newest request first
        Collections.reverse(texts);
        return texts;
    }

    /** The text after the MIME headers; enough to read a one-time code. */
    private static String bodyOf(String mime) {
        int blank = mime.indexOf("\r\n\r\n");
        return blank < 0 ? mime : mime.substring(blank + 4).trim();
    }
}
