package com.platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.platform.localstack.simulator.PaymentSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** The callback secret: generated per machine, kept before it is handed out, the same for both sides. */
class PaymentSimulatorSecretTests {

    @Test
    void theSimulatorAndTransactionServiceShareOneGeneratedSecretKeptBeforeItIsHandedOut(@TempDir Path home) throws Exception {
        StackLayout layout = StackLayout.isolated(Path.of(".."), home, Map.of());
        Components components = new Components(layout, Secrets.load(layout));
        String given = components.simulator().environment().get("PAYMENT_SIMULATOR_CALLBACK_SECRET");
        assertThat(given).hasSizeGreaterThanOrEqualTo(43)
                .isEqualTo(components.service(PlatformService.TRANSACTION).environment()
                        .get("PAYMENT_SIMULATOR_CALLBACK_SECRET"));
        assertThat(Files.readString(home.resolve("secrets.properties"))).contains(given);
        assertThat(new Components(layout, Secrets.load(layout)).simulator().environment()
                .get("PAYMENT_SIMULATOR_CALLBACK_SECRET")).as("the same on the next start").isEqualTo(given);
        assertThat(components.service(PlatformService.USER).environment())
                .doesNotContainKey("PAYMENT_SIMULATOR_CALLBACK_SECRET");
        assertThat(components.simulator().environment().get("PAYMENT_SIMULATOR_CALLBACK_URL"))
                .isEqualTo("http://localhost:" + PlatformService.TRANSACTION.port(layout));
        assertThat(components.simulator().environment().get("PAYMENT_SIMULATOR_STATEMENT_FILE"))
                .startsWith(home.resolve("data").toString());
    }

    @Test
    void theLauncherNamesTheExtensionWithoutLoadingIt() {
        // the launcher's classpath has no WireMock: the class is named, never loaded there
        assertThat(Components.PAYMENT_SIMULATOR_EXTENSION).isEqualTo(PaymentSimulator.class.getName());
    }
}
