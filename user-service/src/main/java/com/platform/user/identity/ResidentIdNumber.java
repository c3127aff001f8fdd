package com.platform.user.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An 18-character resident identity card number (GB 11643-1999): a 6-digit region code, the birth date
 * (yyyyMMdd), a 3-digit sequence and a check character over the first 17 digits (ISO 7064 MOD 11-2, where 10 is
 * written {@code X}). U3: only numbers whose check character, region and birth date are plausible are accepted.
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public ResidentIdNumber {
        if (!isValid(value, LocalDate.now())) {
            throw new IllegalArgumentException("not a valid resident ID number");
        }
    }

    /** Trims and upper-cases ({@code x} is often typed in lower case); empty if the result is not valid. */
    public static Optional<ResidentIdNumber> parse(String input, LocalDate today) {
        if (input == null) {
            return Optional.empty();
        }
        String normalised = input.trim().toUpperCase(java.util.Locale.ROOT);
        return isValid(normalised, today) ? Optional.of(new ResidentIdNumber(normalised)) : Optional.empty();
    }

    static boolean isValid(String value, LocalDate today) {
        if (value == null || !value.matches("[1-9]\\d{16}[\\dX]")) {
            return false;
        }
        return value.charAt(17) == checkCharacter(value.substring(0, 17)) && plausibleBirthDate(value, today);
    }

    /** The check character for 17 digits. */
    static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static boolean plausibleBirthDate(String value, LocalDate today) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            return !birth.isAfter(today) && birth.isAfter(today.minusYears(150));
        }
        catch (DateTimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        // Never print the number: it is personal data (U5).
        return "ResidentIdNumber[****]";
    }
}
