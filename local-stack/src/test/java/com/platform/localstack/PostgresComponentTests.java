package com.platform.localstack;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL component as {@code ./platform up} starts it (same command line, same heap), on a home where
 * nothing was ever unpacked: the first start on a fresh machine, then the broken states an interrupted first start
 * or a killed launcher leave behind.
 */
class PostgresComponentTests {

    @Test
    void startsOnAFreshMachineAndRecoversFromBrokenBinariesAndAKilledLauncher(@TempDir Path home) throws Exception {
        StackLayout layout = StackLayout.isolated(Path.of(".."), home, Map.of("POSTGRES_PORT", freePort()));
        Secrets secrets = Secrets.load(layout);
        Files.createDirectories(layout.logs());

        ChildProcess fresh = startHealthy(layout, secrets);
        try (Connection users = connect(layout, secrets, "users"); Statement statement = users.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('written before the restart')");
        }
        fresh.stop();
        Path unpacked = onlyUnpackedDirectory(layout);

        // an unpacking that died half-way: the marker is missing and some files are already there
        Files.delete(unpacked.resolve(Postgres.UNPACKED_MARKER));
        ChildProcess afterHalfUnpacking = startHealthy(layout, secrets);
        afterHalfUnpacking.stop();
        assertThat(Files.readString(layout.log("postgres"))).contains("unpacking did not finish");

        // binaries that no longer run although the marker says they were unpacked
        Files.writeString(onlyUnpackedDirectory(layout).resolve("bin/postgres"), "not a program");
        ChildProcess afterCorruption = startHealthy(layout, secrets);
        assertThat(Files.readString(layout.log("postgres"))).contains("bin/postgres --version failed");

        // the launcher is killed: its child JVM dies with SIGKILL and the server it started keeps running
        long child = Long.parseLong(Files.readString(layout.pids().resolve("postgres.pid")).split(" ")[0]);
        ProcessHandle.of(child).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(afterCorruption::exited);
        assertThat(Health.tcp(layout.postgresPort()).getAsBoolean()).as("the orphaned server still listens").isTrue();

        List<String> stopped = Leftovers.stop(layout);
        assertThat(stopped).anyMatch(line -> line.startsWith("postgres server (pid "));
        await().atMost(Duration.ofSeconds(30)).until(() -> Health.portFree(layout.postgresPort()));

        ChildProcess again = startHealthy(layout, secrets);
        try (Connection users = connect(layout, secrets, "users"); Statement statement = users.createStatement();
                ResultSet kept = statement.executeQuery("select value from kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("written before the restart");
        }
        again.stop();
    }

    private static ChildProcess startHealthy(StackLayout layout, Secrets secrets) throws Exception {
        ChildProcess postgres = new Components(layout, secrets).postgres();
        postgres.start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> postgres.healthy() || postgres.exited());
        assertThat(postgres.exited()).as("postgres exited; its log:\n%s",
                Files.exists(layout.log("postgres")) ? Files.readString(layout.log("postgres")) : "").isFalse();
        return postgres;
    }

    private static Connection connect(StackLayout layout, Secrets secrets, String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + layout.postgresPort() + "/" + database,
                database, secrets.password("db." + database));
    }

    private static Path onlyUnpackedDirectory(StackLayout layout) throws Exception {
        try (Stream<Path> entries = Files.list(layout.binaries("postgres"))) {
            List<Path> unpacked = entries.filter(path -> path.getFileName().toString().startsWith("PG-")).toList();
            assertThat(unpacked).hasSize(1);
            return unpacked.getFirst();
        }
    }

    private static String freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
