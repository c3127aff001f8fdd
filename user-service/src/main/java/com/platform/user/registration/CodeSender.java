package com.platform.user.registration;

/** Delivers a one-time code to a contact over one channel. Implementations never log the contact or the code. */
interface CodeSender {

    Channel channel();

    /** @throws CodeDeliveryException when the message could not be handed over */
    void send(String contact, String code);
}
