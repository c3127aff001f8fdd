package com.platform.starter.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.mac.MacConfig;

/** Loads Tink keysets from inline JSON or a file; registers the primitives once. */
final class Keysets {

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot register Tink primitives", e);
        }
    }

    private Keysets() {
    }

    static KeysetHandle load(String inline, String file, String name) {
        String json;
        if (CryptoProperties.has(inline)) {
            json = inline;
        }
        else if (CryptoProperties.has(file)) {
            try {
                json = Files.readString(Path.of(file));
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name + " keyset file", e);
            }
        }
        else {
            throw new IllegalStateException("No " + name + " keyset configured: set platform.crypto." + name
                    + "-keyset (see docs/operations.md)");
        }
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        }
        catch (GeneralSecurityException e) {
            // Never include the input: it is key material.
            throw new IllegalStateException("The " + name + " keyset is not a valid Tink JSON keyset");
        }
    }

    static void ensureRegistered() {
        // Loading the class runs the static registration.
    }
}
