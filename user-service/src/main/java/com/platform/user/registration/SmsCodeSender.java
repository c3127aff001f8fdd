package com.platform.user.registration;

import org.springframework.stereotype.Component;

/**
 * U1: codes by SMS through the provider's API, behind Feign's timeouts and a circuit breaker (an open breaker
 * fails at once instead of waiting on a provider that is down).
 */
@Component
class SmsCodeSender implements CodeSender {

    private final SmsProviderClient sms;

    SmsCodeSender(SmsProviderClient sms) {
        this.sms = sms;
    }

    @Override
    public Channel channel() {
        return Channel.PHONE;
    }

    @Override
    public void send(String contact, String code) {
        try {
            sms.send(new SmsProviderClient.SmsMessage(contact, CodeMessages.text(code)));
        }
        catch (RuntimeException e) {
            throw new CodeDeliveryException(channel(), e);
        }
    }
}
