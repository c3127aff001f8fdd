package com.platform.security.core;

import java.util.Random;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loops accept and refuse exactly what the firewalls' regular expressions accept and refuse (patterns copied from
 * {@code StrictHttpFirewall} and {@code StrictServerWebExchangeFirewall}, the same in both, Spring Security 7.0).
 */
class HeaderCharactersTests {

    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final String TRICKY = "aZ0 \t\r\n\u0000\u001f\u007f\u0080\u0085\u009f\u00a0\u0378\u2028"
            + "\ud83d\ude00\ud800\udc00\ufffe\uffff\u00e9";

    @Property(tries = 2000)
    void headerValuesAsTheFirewallRegex(@ForAll @StringLength(max = 40) String value) {
        assertAsTheRegex(value);
    }

    @Property(tries = 2000)
    void trickyHeaderValuesAsTheFirewallRegex(@ForAll("tricky") String value) {
        assertAsTheRegex(value);
    }

    @Provide
    Arbitrary<String> tricky() {
        return Arbitraries.strings().withChars(TRICKY).ofMaxLength(12);
    }

    /** Many random strings where the loops could differ, seeded (a failure repeats). */
    @Test
    void headerNamesAndValuesAsTheFirewallRegex() {
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(13);
            for (int c = 0; c < length; c++) {
                value.append(i % 2 == 0 ? TRICKY.charAt(random.nextInt(TRICKY.length()))
                        : (char) random.nextInt(Character.MAX_VALUE + 1));
            }
            assertAsTheRegex(value.toString());
        }
    }

    @Test
    void noHeaderIsAllowed() {
        assertThat(HeaderCharacters.isAllowedName(null)).isTrue();
        assertThat(HeaderCharacters.isAllowedValue(null)).isTrue();
    }

    private static void assertAsTheRegex(String value) {
        assertThat(HeaderCharacters.isAllowedValue(value)).as(value).isEqualTo(HEADER_VALUE.matcher(value).matches());
        assertThat(HeaderCharacters.isAllowedName(value)).as(value).isEqualTo(HEADER_NAME.matcher(value).matches());
    }
}
