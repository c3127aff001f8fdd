package com.platform.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/** A real Redis for the shared rate-limit buckets (no persistence); a test may stop it and start it again. */
public final class RateLimitRedis {

    private final int port;
    private final RedisServer server;

    RateLimitRedis() {
        try {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").build();
            server.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void stop() throws IOException {
        server.stop();
    }

    public void start() throws IOException {
        server.start();
    }
}
