package com.platform.starter.outbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 structured-mode JSON envelope, as published on every platform topic (api.md, Events).
 * {@code requestid} and {@code traceparent} are extension attributes carrying the request id and trace;
 * {@code aggregatesequence} numbers the events of one subject (aggregate) on one topic 1, 2, 3, ... in the order
 * their transactions committed, so that consumers can tell a late event from a new one (docs/events.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String requestid,
        String traceparent,
        JsonNode data,
        Long aggregatesequence) {

    public static final String SPEC_VERSION = "1.0";

    /** An envelope without a sequence (as producers before the sequence was introduced published them). */
    public CloudEventEnvelope(String specversion, String id, String source, String type, String subject, Instant time,
            String datacontenttype, String requestid, String traceparent, JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, requestid, traceparent, data, null);
    }
    public static final String CONTENT_TYPE = "application/cloudevents+json";
}
