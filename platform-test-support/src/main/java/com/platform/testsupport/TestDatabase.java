package com.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded binaries from Maven Central), started once per test JVM and stopped when it
 * exits. Each caller asks for a database by name and gets its own, created on first use.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static final Set<String> created = new HashSet<>();

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl(String database) {
        EmbeddedPostgres server = server();
        if (created.add(database)) {
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database \"" + database + "\"");
            }
            catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + database, e);
            }
        }
        return server.getJdbcUrl("postgres", database);
    }

    /** The superuser of the embedded server, which tests use to tamper with data (never the services). */
    public static String username() {
        return "postgres";
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }
}
