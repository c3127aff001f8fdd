package com.platform.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the embedded binaries on Maven Central, its data kept between runs, run as a child process of
 * the launcher (so that the launcher decides when it stops: after the services). Each service gets its own
 * database and its own login role; passwords arrive in the environment ({@code DB_PASSWORD_<DATABASE>}).
 * Usage: {@code Postgres DATA_DIRECTORY PORT BINARIES_DIRECTORY}; it runs until it receives SIGTERM.
 *
 * <p>The binaries are unpacked into the stack's own directory, not the library's shared {@code /tmp/embedded-pg}:
 * an unpacking that died half-way (the library marks a finished one with {@code .exists}) or binaries that no
 * longer run are removed before the start, so the next start unpacks them again instead of failing for ever.
 */
final class Postgres {

    /** The library's marker of a completely unpacked binaries directory. */
    static final String UNPACKED_MARKER = ".exists";

    private Postgres() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        Path data = Path.of(args[0]);
        Path binaries = Path.of(args[2]);
        Files.createDirectories(data);
        Files.createDirectories(binaries);
        removeBrokenBinaries(binaries);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
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

    /** Removes every unpacked version that is unfinished or whose server binary does not run. */
    static void removeBrokenBinaries(Path binaries) throws IOException, InterruptedException {
        List<Path> unpacked;
        try (Stream<Path> entries = Files.list(binaries)) {
            unpacked = entries.filter(path -> path.getFileName().toString().startsWith("PG-")).toList();
        }
        for (Path directory : unpacked) {
            String broken = Files.exists(directory.resolve(UNPACKED_MARKER)) ? failsToRun(directory)
                    : "unpacking did not finish";
            if (broken != null) {
                System.out.println("postgres: removing the binaries in " + directory + " (" + broken
                        + "); unpacking them again");
                deleteRecursively(directory);
            }
        }
    }

    private static String failsToRun(Path directory) throws IOException, InterruptedException {
        for (String program : List.of("postgres", "initdb", "pg_ctl")) {
            Path binary = directory.resolve("bin").resolve(program);
            if (!Files.isExecutable(binary)) {
                return "bin/" + program + " is missing";
            }
        }
        Process version = new ProcessBuilder(directory.resolve("bin/postgres").toString(), "--version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!version.waitFor(30, TimeUnit.SECONDS)) {
            version.destroyForcibly();
            return "bin/postgres --version did not answer";
        }
        return version.exitValue() == 0 ? null : "bin/postgres --version failed";
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
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
