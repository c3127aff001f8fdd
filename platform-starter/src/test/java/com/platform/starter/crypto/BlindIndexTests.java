package com.platform.starter.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlindIndexTests {

    private static BlindIndex index() {
        try {
            return new BlindIndex(KeysetTool.generate("blind-index"));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final BlindIndex index = index();

    @Test
    void sameValueAndPurposeGiveTheSameIndexForLookups() {
        assertThat(index.of("users.email", "li.lei@example.com")).isEqualTo(index.of("users.email", "li.lei@example.com"));
    }

    @Test
    void purposesAndValuesSeparate() {
        assertThat(index.of("users.email", "li.lei@example.com")).isNotEqualTo(index.of("users.phone", "li.lei@example.com"))
                .isNotEqualTo(index.of("users.email", "han.meimei@example.com"));
    }

    @Test
    void anotherKeyGivesUnrelatedIndexesAndNoPlaintextShows() {
        String value = "110101199003074514";
        assertThat(index.of("users.document", value)).isNotEqualTo(index().of("users.document", value))
                .doesNotContain(value).hasSizeGreaterThanOrEqualTo(64);
    }
}
