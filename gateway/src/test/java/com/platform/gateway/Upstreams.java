package com.platform.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stand-ins for the four services: each answers with what it received (its name, the path, whether a token and a
 * request id arrived, how many body bytes). A path containing {@code /slow} answers after 3 s. One can be stopped and started again.
 */
final class Upstreams {

    static final String[] SERVICES = {"user-service", "partner-service", "transaction-service", "risk-service"};

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    Upstreams() {
        for (String service : SERVICES) {
            start(service, 0);
        }
    }

    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    void stop(String service) {
        servers.remove(service).stop(0);
    }

    void restart(String service) {
        start(service, ports.get(service));
    }

    private void start(String service, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            server.createContext("/", exchange -> answer(service, exchange));
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            servers.put(service, server);
            ports.put(service, server.getAddress().getPort());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.contains("/slow")) {
                try {
                    Thread.sleep(3000);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int received = exchange.getRequestBody().readAllBytes().length;
            String body = "{\"service\":\"" + service + "\",\"path\":\"" + path + "\",\"bodyBytes\":" + received
                    + ",\"token\":"
                    + exchange.getRequestHeaders().containsKey("Authorization") + ",\"requestId\":\""
                    + exchange.getRequestHeaders().getFirst("X-Request-Id") + "\",\"forwardedHost\":\""
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-Host") + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
