package com.platform.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Health checks used while waiting for components, and the free-port check done before anything starts. */
final class Health {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Health() {
    }

    static BooleanSupplier http(String url) {
        return () -> {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200;
            }
            catch (IOException e) {
                return false;
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    static BooleanSupplier tcp(int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 1000);
                return true;
            }
            catch (IOException e) {
                return false;
            }
        };
    }

    /** Usable, not just listening: each login can open its own database and run a query there. */
    static BooleanSupplier databases(int port, java.util.Map<String, String> passwordByDatabase) {
        return () -> {
            for (var database : passwordByDatabase.entrySet()) {
                String url = "jdbc:postgresql://localhost:" + port + "/" + database.getKey() + "?connectTimeout=2";
                try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, database.getKey(),
                        database.getValue()); java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                catch (java.sql.SQLException notYet) {
                    return false;
                }
            }
            return true;
        };
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
