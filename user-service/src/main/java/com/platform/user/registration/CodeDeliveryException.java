package com.platform.user.registration;

/** The mail server or SMS provider did not take the message; the person can ask for a resend. */
class CodeDeliveryException extends RuntimeException {

    CodeDeliveryException(Channel channel, Throwable cause) {
        super(channel + " code delivery failed", cause);
    }
}
