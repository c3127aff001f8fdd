package com.platform.user.registration;

/** The wording of the code message, the same on every channel. */
final class CodeMessages {

    private CodeMessages() {
    }

    static String text(String code) {
        return "Your verification code is " + code + ". It is valid for "
                + OneTimeCode.VALIDITY.toMinutes() + " minutes. Never share it with anyone.";
    }
}
