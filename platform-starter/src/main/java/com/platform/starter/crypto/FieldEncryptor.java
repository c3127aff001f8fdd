package com.platform.starter.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;

/**
 * Authenticated encryption of personal data (U5, X4). The stored form is {@code v1:<keyId>:<base64>}: the key id
 * tells which key encrypted it, so keys rotate without re-encrypting everything (old keys stay in the keyset to
 * decrypt). The associated data (for example {@code users.phone:<userId>}) binds a cipher text to its row and
 * column: copied anywhere else it no longer decrypts. The same plaintext encrypts differently every time; use a
 * {@link BlindIndex} to look values up.
 */
public class FieldEncryptor {

    private static final String VERSION = "v1";

    private final Aead aead;

    public FieldEncryptor(KeysetHandle keyset) {
        Keysets.ensureRegistered();
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("The encryption keyset holds no usable AEAD key", e);
        }
    }

    /**
     * @param plaintext the value to protect; {@code null} stays {@code null}
     * @param context what the value belongs to, e.g. {@code users.phone:<userId>}; the same context decrypts it
     */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] cipherText = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(context));
            return VERSION + ":" + Integer.toUnsignedString(keyIdOf(cipherText)) + ":"
                    + Base64.getEncoder().encodeToString(cipherText);
        }
        catch (GeneralSecurityException e) {
            throw new FieldCryptoException("Encryption failed", e);
        }
    }

    /** @throws FieldCryptoException if the value was altered, belongs to another context or its key is gone */
    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new FieldCryptoException("Not an encrypted field value", null);
        }
        try {
            byte[] cipherText = Base64.getDecoder().decode(parts[2]);
            if (cipherText.length < 5 || keyIdOf(cipherText) != Integer.parseUnsignedInt(parts[1])) {
                throw new FieldCryptoException("Key id does not match the cipher text", null);
            }
            return new String(aead.decrypt(cipherText, associatedData(context)), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new FieldCryptoException("Decryption failed: value altered, misplaced or key unknown", e);
        }
    }

    /** The id of the key that encrypted a stored value, e.g. to find values still under a retired key. */
    public static long keyId(String stored) {
        return Long.parseLong(stored.split(":", 3)[1]);
    }

    private static int keyIdOf(byte[] tinkCipherText) {
        // Tink's output prefix: one version byte, then the key id (4 bytes, big-endian).
        return ByteBuffer.wrap(tinkCipherText, 1, 4).getInt();
    }

    private static byte[] associatedData(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("An encryption context (table.column:rowId) is required");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }
}
