package com.platform.user.registration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends codes after the registration has committed. A failed delivery does not undo the registration: the person
 * asks for a resend (the failure is counted in {@code user.code.delivery.failures} and logged without the contact).
 */
@Component
class CodeDelivery {

    private static final Logger log = LoggerFactory.getLogger(CodeDelivery.class);

    private final Map<Channel, CodeSender> senders = new EnumMap<>(Channel.class);
    private final MeterRegistry meters;

    CodeDelivery(List<CodeSender> senders, MeterRegistry meters) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.meters = meters;
    }

    boolean send(Channel channel, String contact, String code) {
        try {
            senders.get(channel).send(contact, code);
            return true;
        }
        catch (CodeDeliveryException e) {
            meters.counter("user.code.delivery.failures", "channel", channel.name()).increment();
            log.warn("{} code could not be delivered: {}", channel, e.getCause().getClass().getSimpleName());
            return false;
        }
    }
}
