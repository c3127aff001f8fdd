package com.platform.starter.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tink keysets in Tink's JSON format, given inline (typically from an environment variable or a mounted secret) or
 * as a file path. Generate and rotate them with {@link KeysetTool}; docs/operations.md explains rotation.
 *
 * @param aeadKeyset encryption keyset (AES-256-GCM); several keys allowed, the primary encrypts
 * @param aeadKeysetFile path of a file holding it, instead of inline
 * @param blindIndexKeyset HMAC-SHA256 keyset for blind indexes
 * @param blindIndexKeysetFile path of a file holding it, instead of inline
 */
@ConfigurationProperties("platform.crypto")
public record CryptoProperties(String aeadKeyset, String aeadKeysetFile, String blindIndexKeyset,
        String blindIndexKeysetFile) {

    boolean configured() {
        return has(aeadKeyset) || has(aeadKeysetFile);
    }

    static boolean has(String value) {
        return value != null && !value.isBlank();
    }
}
