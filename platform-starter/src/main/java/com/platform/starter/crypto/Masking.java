package com.platform.starter.crypto;

/**
 * Masks personal data in responses and anywhere a human may read it (U5): enough to recognise one's own value,
 * not enough to learn someone else's.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code +8613812345678} -> {@code +86138****5678}; {@code 13812345678} -> {@code 138****5678}. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String prefix = "";
        String number = phone;
        if (phone.startsWith("+86") && phone.length() == 14) {
            prefix = "+86";
            number = phone.substring(3);
        }
        if (number.length() < 7) {
            return "*".repeat(number.length());
        }
        int keepEnd = 4;
        int keepStart = Math.min(3, number.length() - keepEnd - 1);
        return prefix + number.substring(0, keepStart) + "*".repeat(number.length() - keepStart - keepEnd)
                + number.substring(number.length() - keepEnd);
    }

    /** {@code zhang.san@example.com} -> {@code z********@example.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "*".repeat(email.length());
        }
        return email.charAt(0) + "*".repeat(Math.max(at - 1, 1)) + email.substring(at);
    }

    /** ID and document numbers: first and last four kept, e.g. {@code 1101**********1234}. */
    public static String documentNumber(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() <= 8) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }

    /** Names: the first character kept, e.g. {@code 张三丰} -> {@code 张**}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(rest, 1));
    }
}
