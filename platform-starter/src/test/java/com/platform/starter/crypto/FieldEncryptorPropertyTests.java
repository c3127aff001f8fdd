package com.platform.starter.crypto;

import java.util.Base64;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldEncryptorPropertyTests {

    private static final FieldEncryptor ENCRYPTOR;

    static {
        try {
            ENCRYPTOR = new FieldEncryptor(KeysetTool.generate("aead"));
        }
        catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Property(tries = 200)
    void anyTextRoundTripsInItsOwnContext(@ForAll @StringLength(max = 300) String plaintext,
            @ForAll @StringLength(min = 1, max = 60) String context) {
        Assume.that(!context.isBlank());
        assertThat(ENCRYPTOR.decrypt(ENCRYPTOR.encrypt(plaintext, context), context)).isEqualTo(plaintext);
    }

    @Property(tries = 200)
    void anySingleFlippedBitIsDetected(@ForAll @StringLength(min = 1, max = 100) String plaintext,
            @ForAll @IntRange(min = 0, max = 10_000) int position) {
        String stored = ENCRYPTOR.encrypt(plaintext, "users.email:u-1");
        String[] parts = stored.split(":", 3);
        byte[] cipherText = Base64.getDecoder().decode(parts[2]);
        int bit = position % (cipherText.length * 8);
        cipherText[bit / 8] ^= (byte) (1 << (bit % 8));
        String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(cipherText);
        assertThatThrownBy(() -> ENCRYPTOR.decrypt(tampered, "users.email:u-1"))
                .isInstanceOf(FieldCryptoException.class);
    }
}
