package com.platform.partner.partner;

import java.util.Locale;
import java.util.Optional;

/**
 * The 18-character unified social credit code of an organisation (GB 32100-2015), P2's first condition:
 * registration authority, organisation category, 6-digit region, 9-character organisation code and a check
 * character (MOD 31 over the first 17 with weights 3^i mod 31, in an alphabet without I, O, S, V and Z).
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid unified social credit code");
        }
    }

    /** Upper-cased and trimmed; empty when the syntax or the check character is wrong. */
    public static Optional<CreditCode> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String normalised = input.trim().toUpperCase(Locale.ROOT);
        return isValid(normalised) ? Optional.of(new CreditCode(normalised)) : Optional.empty();
    }

    static boolean isValid(String value) {
        if (value == null || value.length() != 18
                || !value.matches("[1-9A-GNY][1-9]\\d{6}[0-9A-HJ-NPQRTUWXY]{10}")) {
            return false;
        }
        return value.charAt(17) == checkCharacter(value.substring(0, 17));
    }

    /** The check character for the first 17 characters (tests use it to make valid codes). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
