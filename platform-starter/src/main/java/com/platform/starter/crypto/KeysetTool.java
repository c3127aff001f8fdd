package com.platform.starter.crypto;

import java.nio.file.Files;
import java.nio.file.Path;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;

/**
 * Generates and rotates keysets for operators (docs/operations.md):
 * <pre>
 * java -cp platform-starter.jar:... com.platform.starter.crypto.KeysetTool generate aead  &gt; aead.json
 * java -cp ... com.platform.starter.crypto.KeysetTool generate blind-index                &gt; blind-index.json
 * java -cp ... com.platform.starter.crypto.KeysetTool rotate aead.json                    &gt; aead-rotated.json
 * </pre>
 * Rotation adds a new primary key and keeps the old ones enabled for decryption. Output goes to stdout only.
 */
public final class KeysetTool {

    private KeysetTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("generate")) {
            System.out.println(serialize(generate(args[1])));
        }
        else if (args.length == 2 && args[0].equals("rotate")) {
            KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(Path.of(args[1])),
                    InsecureSecretKeyAccess.get());
            System.out.println(serialize(rotate(current)));
        }
        else {
            System.err.println("usage: KeysetTool generate aead|blind-index | rotate FILE");
            System.exit(2);
        }
    }

    public static KeysetHandle generate(String kind) throws Exception {
        Keysets.ensureRegistered();
        return switch (kind) {
            case "aead" -> KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            case "blind-index" -> KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
            default -> throw new IllegalArgumentException("kind must be aead or blind-index");
        };
    }

    /** A new primary of the same kind as the current primary; existing keys stay as they are, for decryption. */
    public static KeysetHandle rotate(KeysetHandle current) throws Exception {
        Keysets.ensureRegistered();
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current);
        builder.addEntry(KeysetHandle.generateEntryFromParameters(current.getPrimary().getKey().getParameters())
                .withRandomId().makePrimary());
        return builder.build();
    }

    public static String serialize(KeysetHandle keyset) throws Exception {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }
}
