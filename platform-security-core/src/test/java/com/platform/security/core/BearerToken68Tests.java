package com.platform.security.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cases where the loop could part from Spring's {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$} (case-insensitive);
 * the starter's and the gateway's header tests compare it with the pattern over random values, through their adapters.
 */
class BearerToken68Tests {

    private static final class Malformed extends RuntimeException {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Bearer abc            | abc",
        "bearer abc            | abc",
        "BEARER a-b._c~d+e/f   | a-b._c~d+e/f",
        "Bearer abc==          | abc==",
        "bEaReR Zz09           | Zz09"})
    void readsTheToken68OfABearerValue(String authorization, String token) {
        assertThat(BearerToken68.token(authorization, Malformed::new)).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer  abc", "Bearer\tabc", "Bearerx abc", "Bearer =abc",
        "Bearer ab=c", "Bearer abc ", "Bearer ab$c", "Bearer ab\u00e9", "Bearer ab\u0130", "Bearer =="})
    void refusesAMalformedBearerValue(String authorization) {
        assertThatThrownBy(() -> BearerToken68.token(authorization, Malformed::new)).isInstanceOf(Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic dXNlcjpwYXNz", "Beare abc", "Token abc"})
    void anotherSchemeIsNoBearerToken(String authorization) {
        assertThat(BearerToken68.token(authorization, Malformed::new)).isNull();
    }

    @Test
    void noValueIsNoToken() {
        assertThat(BearerToken68.token(null, Malformed::new)).isNull();
    }
}
