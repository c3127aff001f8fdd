package com.platform.localstack;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RollingLogTests {

    @Test
    void aComponentThatLogsInALoopNeverHoldsMoreThanItsCap(@TempDir Path logs) throws Exception {
        Path file = logs.resolve("user-service.log");
        StringBuilder storm = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            storm.append(String.format("%06d java.lang.IllegalStateException: the same error again%n", i));
        }
        byte[] bytes = storm.toString().getBytes(StandardCharsets.UTF_8);

        new RollingLog(file, 10_000, 3).copy(new ByteArrayInputStream(bytes));

        List<Path> kept;
        try (Stream<Path> files = Files.list(logs)) {
            kept = files.sorted().toList();
        }
        assertThat(kept).extracting(path -> path.getFileName().toString())
                .containsExactly("user-service.log", "user-service.log.1", "user-service.log.2", "user-service.log.3");
        long total = 0;
        for (Path path : kept) {
            total += Files.size(path);
            assertThat(Files.size(path)).isLessThan(10_000 + 100);
            // rotation happens at the end of a line: every file starts and ends with whole lines
            assertThat(Files.readAllLines(path)).allMatch(line -> line.matches("\\d{6} java.lang.*"));
        }
        assertThat(total).isLessThan(bytes.length);
        // the newest lines are in the current file
        assertThat(Files.readAllLines(file).getLast()).startsWith("001999 ");
    }

    @Test
    void aRestartAppendsToTheCurrentFileAndCountsWhatIsAlreadyThere(@TempDir Path logs) throws Exception {
        Path file = logs.resolve("kafka.log");
        Files.writeString(file, "x".repeat(990) + "\n");

        new RollingLog(file, 1_000, 2).copy(new ByteArrayInputStream("started again\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(logs.resolve("kafka.log.1"))).endsWith("started again\n");
        assertThat(file).hasContent("");
    }
}
