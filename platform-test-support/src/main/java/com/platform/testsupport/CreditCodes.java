package com.platform.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Unified social credit codes (GB 32100-2015) for companies that tests and benchmarks admit as partners. */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private CreditCodes() {
    }

    /**
     * A valid code (registration authority 9, type 1, Beijing region, MOD 31 check character) that no other run has
     * used: nine random letters in the body make a collision practically impossible.
     */
    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder code = new StringBuilder("91110000");
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(random.nextInt(10, ALPHABET.length())));
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        int check = 31 - sum % 31;
        return code.append(ALPHABET.charAt(check == 31 ? 0 : check)).toString();
    }
}
