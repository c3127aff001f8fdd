package com.platform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the embedded binaries on Maven Central, its data kept between runs, run as a child process of
 * the launcher (so that the launcher decides when it stops: after the services). Each service gets its own
 * database and its own login role; passwords arrive in the environment ({@code DB_PASSWORD_<DATABASE>}).
 * Usage: {@code Postgres DATA_DIRECTORY PORT}; it runs until it receives SIGTERM.
 */
final class Postgres {

    private Postgres() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        java.nio.file.Path data = java.nio.file.Path.of(args[0]);
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1]))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (PlatformService service : PlatformService.all()) {
                ensureDatabase(connection, service.database,
                        System.getenv("DB_PASSWORD_" + service.database.toUpperCase()));
            }
        }
        System.out.println("postgres ready");
        // EmbeddedPostgres stops the server in its own shutdown hook.
        new java.util.concurrent.CountDownLatch(1).await();
    }

    private static void ensureDatabase(Connection connection, String name, String password) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean roleExists = exists(connection, "select 1 from pg_roles where rolname = ?", name);
            // Identifiers cannot be bound; names are our own constants, the password is URL-safe base64.
            statement.execute((roleExists ? "alter" : "create") + " role \"" + name + "\" login password '"
                    + password + "'");
            if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
                statement.execute("create database \"" + name + "\" owner \"" + name + "\"");
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
