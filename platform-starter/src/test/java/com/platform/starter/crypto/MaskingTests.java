package com.platform.starter.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

    @Test
    void masksPhoneNumbersAsUsersExpect() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("+8613812345678")).isEqualTo("+86138****5678");
        assertThat(Masking.phone("12345")).isEqualTo("*****");
    }

    @Test
    void masksEmailLocalPart() {
        assertThat(Masking.email("zhang.san@example.com")).isEqualTo("z********@example.com");
        assertThat(Masking.email("a@example.com")).isEqualTo("a*@example.com");
        assertThat(Masking.email("broken")).isEqualTo("******");
    }

    @Test
    void masksDocumentNumbersAndNames() {
        assertThat(Masking.documentNumber("110101199003074514")).isEqualTo("1101**********4514");
        assertThat(Masking.documentNumber("E1234567")).isEqualTo("********");
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
        assertThat(Masking.name("Li")).isEqualTo("L*");
        assertThat(Masking.name(null)).isNull();
    }
}
