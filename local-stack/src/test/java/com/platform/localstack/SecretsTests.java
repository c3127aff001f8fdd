package com.platform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTests {

    @Test
    void secretsAreGeneratedOnceKeptOwnerOnlyAndStableAcrossRestarts(@TempDir Path repository) throws Exception {
        StackLayout layout = new StackLayout(repository, Map.of());
        Secrets first = Secrets.load(layout);
        String password = first.password("db.users");
        String keyset = first.aeadKeyset();

        Secrets again = Secrets.load(layout);
        assertThat(again.password("db.users")).isEqualTo(password);
        assertThat(again.aeadKeyset()).isEqualTo(keyset).contains("primaryKeyId");
        assertThat(again.password("db.partners")).isNotEqualTo(password);
        Path file = repository.resolve(".platform/secrets.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aSecretIsOnDiskBeforeItIsHandedOut(@TempDir Path repository) {
        StackLayout layout = new StackLayout(repository, Map.of());
        Secrets running = Secrets.load(layout);
        running.password("db.users");
        // asked for last, as the services' keysets are: a launcher killed right after must not lose them
        String aead = running.aeadKeyset();
        String blindIndex = running.blindIndexKeyset();

        Secrets afterRestart = Secrets.load(layout);
        assertThat(afterRestart.aeadKeyset()).isEqualTo(aead);
        assertThat(afterRestart.blindIndexKeyset()).isEqualTo(blindIndex);
        assertThat(repository.resolve(".platform/secrets.properties.next")).doesNotExist();
    }

    @Test
    void portsCanBeOverriddenByEnvironment(@TempDir Path repository) {
        StackLayout layout = new StackLayout(repository, Map.of("GATEWAY_PORT", "18080", "USER_SERVICE_PORT", "18081"));
        assertThat(layout.gatewayPort()).isEqualTo(18080);
        assertThat(PlatformService.USER.port(layout)).isEqualTo(18081);
        assertThat(layout.keycloakPort()).isEqualTo(8180);
        assertThat(layout.keycloakIssuer()).isEqualTo("http://localhost:8180/realms/platform");
    }
}
