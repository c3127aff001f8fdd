/**
 * U5/X4 field protection with Google Tink: {@link com.platform.starter.crypto.FieldEncryptor} (AES-256-GCM, key id
 * kept with the cipher text, associated data binding it to its row and column), {@link
 * com.platform.starter.crypto.BlindIndex} (keyed HMAC for equality lookups) and {@link
 * com.platform.starter.crypto.Masking}. Keysets come from configuration (the environment), never from Git.
 */
package com.platform.starter.crypto;
