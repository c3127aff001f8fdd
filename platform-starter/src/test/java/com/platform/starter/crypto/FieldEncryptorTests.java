package com.platform.starter.crypto;

import java.util.Base64;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldEncryptorTests {

    private static final String PHONE = "+8613812345678";
    private static final String CONTEXT = "users.phone:1b7c0c8e-2f65-4a8e-9d4c-3c1f2f7d9a10";

    private final KeysetHandle keyset = generate();
    private final FieldEncryptor encryptor = new FieldEncryptor(keyset);

    private static KeysetHandle generate() {
        try {
            return KeysetTool.generate("aead");
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void roundTripsAndKeepsTheKeyIdBesideTheCipherText() {
        String stored = encryptor.encrypt(PHONE, CONTEXT);
        assertThat(stored).startsWith("v1:" + Integer.toUnsignedString(keyset.getPrimary().getId()) + ":");
        assertThat(stored).doesNotContain("13812345678");
        assertThat(encryptor.decrypt(stored, CONTEXT)).isEqualTo(PHONE);
    }

    @Test
    void samePlaintextGivesDifferentCipherTexts() {
        assertThat(encryptor.encrypt(PHONE, CONTEXT)).isNotEqualTo(encryptor.encrypt(PHONE, CONTEXT));
    }

    @Test
    void rotationKeepsOldDataReadableAndEncryptsNewDataUnderTheNewKey() throws Exception {
        String underOldKey = encryptor.encrypt(PHONE, CONTEXT);
        KeysetHandle rotated = KeysetTool.rotate(keyset);
        // Operators pass keysets around as JSON: rotate through the same form.
        rotated = TinkJsonProtoKeysetFormat.parseKeyset(KeysetTool.serialize(rotated), InsecureSecretKeyAccess.get());
        FieldEncryptor afterRotation = new FieldEncryptor(rotated);

        assertThat(afterRotation.decrypt(underOldKey, CONTEXT)).isEqualTo(PHONE);
        String underNewKey = afterRotation.encrypt(PHONE, CONTEXT);
        assertThat(FieldEncryptor.keyId(underNewKey)).isNotEqualTo(FieldEncryptor.keyId(underOldKey))
                .isEqualTo(Integer.toUnsignedLong(rotated.getPrimary().getId()));
        assertThatThrownBy(() -> encryptor.decrypt(underNewKey, CONTEXT))
                .as("the old keyset cannot read data under a key it never had")
                .isInstanceOf(FieldCryptoException.class);
    }

    @Test
    void flippedBitFailsToDecrypt() {
        String stored = encryptor.encrypt(PHONE, CONTEXT);
        String[] parts = stored.split(":", 3);
        byte[] cipherText = Base64.getDecoder().decode(parts[2]);
        cipherText[cipherText.length / 2] ^= 0x01;
        String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(cipherText);
        assertThatThrownBy(() -> encryptor.decrypt(tampered, CONTEXT)).isInstanceOf(FieldCryptoException.class);
    }

    @Test
    void cipherTextMovedToAnotherRowOrColumnFails() {
        String stored = encryptor.encrypt(PHONE, CONTEXT);
        assertThatThrownBy(() -> encryptor.decrypt(stored, "users.phone:another-user-id"))
                .isInstanceOf(FieldCryptoException.class);
        assertThatThrownBy(() -> encryptor.decrypt(stored, "users.email:1b7c0c8e-2f65-4a8e-9d4c-3c1f2f7d9a10"))
                .isInstanceOf(FieldCryptoException.class);
    }

    @Test
    void forgedKeyIdIsRefused() {
        String stored = encryptor.encrypt(PHONE, CONTEXT);
        String[] parts = stored.split(":", 3);
        assertThatThrownBy(() -> encryptor.decrypt(parts[0] + ":12345:" + parts[2], CONTEXT))
                .isInstanceOf(FieldCryptoException.class);
    }

    @Test
    void errorsNeverContainThePlaintext() {
        String stored = encryptor.encrypt(PHONE, CONTEXT);
        assertThatThrownBy(() -> encryptor.decrypt(stored, "users.phone:other"))
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain("13812345678"));
    }

    @Test
    void nullStaysNullAndAContextIsRequired() {
        assertThat(encryptor.encrypt(null, CONTEXT)).isNull();
        assertThat(encryptor.decrypt(null, CONTEXT)).isNull();
        assertThatThrownBy(() -> encryptor.encrypt(PHONE, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
