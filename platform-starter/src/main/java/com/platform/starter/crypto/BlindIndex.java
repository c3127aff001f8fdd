package com.platform.starter.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;

/**
 * A keyed hash (HMAC-SHA256 under the primary key) of a normalised value, stored beside its cipher text so that
 * equality lookups ("is this phone number taken?") work without decrypting (U5). The purpose separates indexes:
 * the same value in two columns gives two unrelated hashes. Without the key, the index reveals nothing guessable.
 * Rotating the index key means recomputing the column (docs/operations.md).
 */
public class BlindIndex {

    private final Mac mac;

    public BlindIndex(KeysetHandle keyset) {
        Keysets.ensureRegistered();
        try {
            this.mac = keyset.getPrimitive(RegistryConfiguration.get(), Mac.class);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("The blind-index keyset holds no usable MAC key", e);
        }
    }

    /**
     * @param purpose the column it indexes, e.g. {@code users.email}
     * @param normalisedValue the value in the one form all lookups use (trimmed, lower-cased e-mail, E.164 phone)
     */
    public String of(String purpose, String normalisedValue) {
        if (normalisedValue == null) {
            return null;
        }
        try {
            byte[] input = (purpose + "\u0000" + normalisedValue).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(mac.computeMac(input));
        }
        catch (GeneralSecurityException e) {
            throw new FieldCryptoException("Blind index computation failed", e);
        }
    }
}
