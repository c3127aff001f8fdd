package com.platform.starter.crypto;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Field encryption and blind indexes, present when keysets are configured. A service that stores personal data
 * injects them and so fails fast at start-up without keys.
 */
@AutoConfiguration
@EnableConfigurationProperties(CryptoProperties.class)
@ConditionalOnExpression("'${platform.crypto.aead-keyset:}' != '' or '${platform.crypto.aead-keyset-file:}' != ''")
public class CryptoAutoConfiguration {

    @Bean
    FieldEncryptor fieldEncryptor(CryptoProperties properties) {
        return new FieldEncryptor(Keysets.load(properties.aeadKeyset(), properties.aeadKeysetFile(), "aead"));
    }

    @Bean
    BlindIndex blindIndex(CryptoProperties properties) {
        return new BlindIndex(Keysets.load(properties.blindIndexKeyset(), properties.blindIndexKeysetFile(),
                "blind-index"));
    }
}
