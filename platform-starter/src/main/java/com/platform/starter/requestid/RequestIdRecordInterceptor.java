package com.platform.starter.requestid;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/** Restores the request id carried in a record's headers into the MDC while a listener handles it. */
public class RequestIdRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        Header header = record.headers().lastHeader(RequestIds.HEADER);
        String carried = header != null ? new String(header.value(), StandardCharsets.UTF_8) : null;
        MDC.put(RequestIds.MDC_KEY, RequestIds.acceptOrGenerate(carried));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(RequestIds.MDC_KEY);
    }
}
