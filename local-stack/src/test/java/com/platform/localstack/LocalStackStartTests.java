package com.platform.localstack;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackStartTests {

    @Test
    void aTakenPortIsNamedWithItsVariableBeforeAnythingStarts(@TempDir Path home) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            StackLayout layout = StackLayout.isolated(Path.of(".."), home,
                    Map.of("GATEWAY_PORT", String.valueOf(taken.getLocalPort())));
            assertThatThrownBy(() -> LocalStack.start(layout))
                    .hasMessageContaining("port " + taken.getLocalPort() + " is taken (set GATEWAY_PORT");
        }
    }
}
