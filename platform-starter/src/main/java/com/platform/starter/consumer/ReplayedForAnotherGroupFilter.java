package com.platform.starter.consumer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Drops, before the listener, a record that {@link DeadLetterReplayer} replayed for another consumer group: only
 * the group that parked an event gets it again. The group is the listener container's, bound to the consumer
 * thread by spring-kafka.
 */
public class ReplayedForAnotherGroupFilter implements RecordFilterStrategy<Object, Object> {

    @Override
    public boolean filter(ConsumerRecord<Object, Object> record) {
        Header header = record.headers().lastHeader(DeadLetterReplayer.REPLAY_GROUP_HEADER);
        if (header == null || header.value() == null) {
            return false;
        }
        String group = KafkaUtils.getConsumerGroupId();
        return group != null && !group.equals(new String(header.value(), StandardCharsets.UTF_8));
    }
}
