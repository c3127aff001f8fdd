package com.platform.starter.crypto;

/** A field could not be encrypted or decrypted. Never carries the value or key material. */
public class FieldCryptoException extends RuntimeException {

    public FieldCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
