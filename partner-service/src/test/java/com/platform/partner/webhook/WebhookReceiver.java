package com.platform.partner.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint for the tests: a real HTTP server that checks each request as a Standard Webhooks
 * receiver would, with its own code (not the service's): the signature over {@code id.timestamp.body} with the
 * secret it was given, and a timestamp within 5 minutes. It answers with the queued status codes, then 200.
 */
class WebhookReceiver implements AutoCloseable {

    record Received(String id, long timestamp, String body, boolean signatureValid, boolean timestampFresh) {
    }

    private final HttpServer server;
    private final Clock clock;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile String secret;
    private volatile int defaultAnswer = 200;

    WebhookReceiver(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    void answerAlways(int status) {
        defaultAnswer = status;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = false;
            String expected = "v1," + hmac(secret, id + "." + timestamp + "." + body);
            for (String candidate : signatures.split(" ")) {
                valid |= MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8));
            }
            boolean fresh = Math.abs(clock.instant().getEpochSecond() - timestamp) <= 300;
            received.add(new Received(id, timestamp, body, valid, fresh));
            Integer queued = answers.poll();
            int status = !valid || !fresh ? 400 : queued != null ? queued : defaultAnswer;
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static String hmac(String secret, String content) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
