package com.platform.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;

/**
 * Local secrets, generated on the first start and kept in {@code .platform/secrets.properties} (owner-only, never
 * in Git): database passwords, the services' Keycloak client secrets, the demo staff passwords, the payment
 * simulator's callback signing secret and the field encryption keysets. A reset keeps them, so a developer's notes stay valid.
 *
 * <p>Each value is written to the file before it is handed out: a keyset that encrypted a record and was then lost
 * with the launcher would make that record unreadable forever (issue 9: keysets generated after the only save).
 */
final class Secrets {

    private final Path file;
    private final Properties values = new Properties();
    private final SecureRandom random = new SecureRandom();

    private Secrets(Path file) {
        this.file = file;
    }

    static Secrets load(StackLayout layout) {
        Secrets secrets = new Secrets(layout.home().resolve("secrets.properties"));
        if (Files.exists(secrets.file)) {
            try (Reader reader = Files.newBufferedReader(secrets.file)) {
                secrets.values.load(reader);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secrets;
    }

    String password(String name) {
        return computeIfAbsent("password." + name, () -> {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    /** The HMAC secret a payment provider signs its callbacks with (shared by the simulator and transaction-service). */
    String callbackSecret(String provider) {
        return computeIfAbsent("secret.callback." + provider, () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    String aeadKeyset() {
        return computeIfAbsent("keyset.aead", () -> keyset(true));
    }

    String blindIndexKeyset() {
        return computeIfAbsent("keyset.blind-index", () -> keyset(false));
    }

    private synchronized String computeIfAbsent(String key, java.util.function.Supplier<String> generator) {
        String value = values.getProperty(key);
        if (value == null) {
            value = generator.get();
            values.setProperty(key, value);
            save();
        }
        return value;
    }

    /** Writes a new file beside the old one and moves it over, so a crash never leaves half a file. */
    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            try {
                Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            catch (UnsupportedOperationException notPosix) {
                Files.createFile(next);
            }
            try (Writer writer = Files.newBufferedWriter(next)) {
                values.store(writer, "Local-only secrets of ./platform up. Never commit or reuse them.");
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local secrets in " + file, e);
        }
    }

    private static String keyset(boolean encryption) {
        try {
            AeadConfig.register();
            MacConfig.register();
            KeysetHandle handle = KeysetHandle.generateNew(encryption ? PredefinedAeadParameters.AES256_GCM
                    : PredefinedMacParameters.HMAC_SHA256_256BITTAG);
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
