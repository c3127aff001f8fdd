package com.platform.user.support;

import java.util.concurrent.ThreadLocalRandom;

/** Valid, unique document numbers for tests, computed with the national check rules (independently of main code). */
public final class Documents {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Documents() {
    }

    /** An 18-character resident ID number (Beijing, born 1990-03-07) with a random sequence and its check. */
    public static String residentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "110101" + (1960 + random.nextInt(40)) + String.format("%02d%02d%03d",
                1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return first17 + ID_CHECK.charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String residentId) {
        char check = residentId.charAt(17);
        return residentId.substring(0, 17) + (check == '1' ? '2' : '1');
    }

    public static String creditCode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder first17 = new StringBuilder("91110105");
        for (int i = 0; i < 9; i++) {
            first17.append(CREDIT_ALPHABET.charAt(random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return first17.toString() + CREDIT_ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
