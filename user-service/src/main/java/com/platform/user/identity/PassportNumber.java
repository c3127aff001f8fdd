package com.platform.user.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * A passport number as printed in the machine-readable zone (ICAO 9303): 6 to 9 upper-case letters and digits with
 * at least one digit. Passports carry no check character outside the MRZ, so only the format is checked (U3).
 */
public record PassportNumber(String value) {

    public PassportNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid passport number");
        }
    }

    public static Optional<PassportNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String normalised = input.trim().toUpperCase(Locale.ROOT);
        return isValid(normalised) ? Optional.of(new PassportNumber(normalised)) : Optional.empty();
    }

    static boolean isValid(String value) {
        return value != null && value.matches("[A-Z0-9]{6,9}") && value.chars().anyMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return "PassportNumber[****]";
    }
}
