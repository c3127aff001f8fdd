package com.platform.testsupport;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;

/** Tink keysets generated for this test JVM: keys never live in the repository, not even test keys. */
public final class TestKeysets {

    private static String aead;
    private static String blindIndex;

    private TestKeysets() {
    }

    public static synchronized String aeadKeyset() {
        if (aead == null) {
            aead = generate(true);
        }
        return aead;
    }

    public static synchronized String blindIndexKeyset() {
        if (blindIndex == null) {
            blindIndex = generate(false);
        }
        return blindIndex;
    }

    private static String generate(boolean encryption) {
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
