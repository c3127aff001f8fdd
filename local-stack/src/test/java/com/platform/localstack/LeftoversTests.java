package com.platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LeftoversTests {

    @Test
    void aChildOfAKilledLauncherIsStoppedByTheNextStartAndNamed(@TempDir Path home) throws Exception {
        StackLayout layout = StackLayout.isolated(Path.of(".."), home, Map.of());
        ChildProcess orphan = new ChildProcess("simulator", "-", List.of("sleep", "300"), Map.of(), home, layout,
                () -> true);
        orphan.start();
        long pid = Long.parseLong(Files.readString(layout.pids().resolve("simulator.pid")).split(" ")[0]);
        // the launcher dies without stopping it: nothing calls orphan.stop()

        List<String> stopped = Leftovers.stop(layout);

        assertThat(stopped).containsExactly("simulator (pid " + pid + ")");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(layout.pids().resolve("simulator.pid")).doesNotExist();
    }

    @Test
    void aPidFileWhosePidNowBelongsToAnotherProcessIsIgnored(@TempDir Path home) throws Exception {
        StackLayout layout = StackLayout.isolated(Path.of(".."), home, Map.of());
        Files.createDirectories(layout.pids());
        ProcessHandle self = ProcessHandle.current();
        // same pid, another start time: the pid was reused by a process that is not ours
        Files.writeString(layout.pids().resolve("gateway.pid"), self.pid() + " 1000\n");

        assertThat(Leftovers.stop(layout)).isEmpty();
        assertThat(self.isAlive()).isTrue();
        assertThat(layout.pids().resolve("gateway.pid")).doesNotExist();
    }

    @Test
    void aCleanStopLeavesNoPidFile(@TempDir Path home) throws Exception {
        StackLayout layout = StackLayout.isolated(Path.of(".."), home, Map.of());
        ChildProcess child = new ChildProcess("mail", "-", List.of("sleep", "300"), Map.of(), home, layout, () -> true);
        child.start();
        child.stop();

        assertThat(child.exited()).isTrue();
        assertThat(layout.pids().resolve("mail.pid")).doesNotExist();
        assertThat(Leftovers.stop(layout)).isEmpty();
    }
}
