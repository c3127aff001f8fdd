package com.platform.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stand-ins for the four services: each answers with what it received (its name, the path, whether a token and a
 * request id arrived, how many body bytes). A path containing {@code /slow} answers after 8 s (longer than the
 * gateway's response timeout in the tests); one containing {@code /held} waits until the test releases the current
 * {@link Hold}. One can be stopped and started again.
 */
final class Upstreams {

    static final String[] SERVICES = {"user-service", "partner-service", "transaction-service", "risk-service"};

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private volatile Hold hold = new Hold();

    /** Requests to a {@code /held} path that arrive from now on wait until the returned hold is released. */
    Hold hold() {
        hold.release();
        hold = new Hold();
        return hold;
    }

    /** Counts the held requests that arrived and lets them all answer at once. */
    static final class Hold {

        private final Semaphore arrived = new Semaphore(0);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits (at most 30 s) until this many held requests have arrived; false if they did not. */
        boolean awaitArrivals(int count) throws InterruptedException {
            if (!arrived.tryAcquire(count, 30, TimeUnit.SECONDS)) {
                return false;
            }
            arrived.release(count);
            return true;
        }

        int arrivals() {
            return arrived.availablePermits();
        }

        void release() {
            released.countDown();
        }

        private void enter() throws InterruptedException {
            arrived.release();
            // a cap only so that a failed test never leaves a request hanging here
            released.await(60, TimeUnit.SECONDS);
        }
    }

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

    void restartIfStopped(String service) {
        if (!servers.containsKey(service)) {
            restart(service);
        }
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

    private void answer(String service, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            try {
                if (path.contains("/slow")) {
                    Thread.sleep(8000);
                }
                if (path.startsWith("/api/v1/audit/") && path.endsWith("/verification")) {
                    // longer than the tests' response timeout (5 s) and time limit (6 s) of the other routes
                    Thread.sleep(7000);
                }
                if (path.contains("/held")) {
                    hold.enter();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
