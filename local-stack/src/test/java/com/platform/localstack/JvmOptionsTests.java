package com.platform.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM options each child JVM is started with: the services start fast (C1 only, SerialGC, small heap); the
 * gateway, every request's first hop, runs with the full JIT and the throughput collector, since with the services'
 * options it was the stack's bottleneck (docs/performance.md, gateway-vs-direct).
 */
class JvmOptionsTests {

    @TempDir
    Path repository;

    private Components components() {
        StackLayout layout = new StackLayout(repository, Map.of());
        return new Components(layout, Secrets.load(layout));
    }

    @Test
    void theGatewayRunsWithTheFullJitAndTheThroughputCollectorInAFixedHeap() {
        List<String> command = components().gateway().command();

        assertThat(command).contains("-XX:+UseParallelGC", "-Xms512m", "-Xmx512m", "-Xmn320m")
                .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"))
                .doesNotContain("-XX:+UseSerialGC");
        assertThat(command.subList(command.size() - 2, command.size()).get(0)).isEqualTo("-jar");
        assertThat(command.get(command.size() - 1)).endsWith("gateway-0.1.0-SNAPSHOT.jar");
    }

    @Test
    void theServicesKeepTheStartUpOptions() {
        Components components = components();
        for (PlatformService service : PlatformService.all()) {
            List<String> command = components.service(service).command();
            assertThat(command).as(service.module)
                    .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m")
                    .doesNotContain("-XX:+UseParallelGC");
            assertThat(command.get(command.size() - 1)).as(service.module).contains(service.module);
        }
    }

    @Test
    void aStackStartedToBeMeasuredGivesTheServicesTheOptionsItIsGiven() {
        StackLayout layout = new StackLayout(repository, Map.of("PLATFORM_SERVICE_JVM_OPTIONS",
                " -XX:+UseParallelGC  -Xmx512m "));
        Components components = new Components(layout, Secrets.load(layout));
        for (PlatformService service : PlatformService.all()) {
            List<String> command = components.service(service).command();
            assertThat(command.subList(1, command.size() - 2)).as(service.module)
                    .containsExactly("-XX:+UseParallelGC", "-Xmx512m");
        }
        assertThat(components.gateway().command()).contains("-Xmn320m");
    }
}
