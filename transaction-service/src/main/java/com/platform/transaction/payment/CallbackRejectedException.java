package com.platform.transaction.payment;

/** A provider callback whose signature is missing, wrong or stale, or from an unknown provider: 401. */
public class CallbackRejectedException extends RuntimeException {

    public CallbackRejectedException(String why) {
        super(why);
    }
}
