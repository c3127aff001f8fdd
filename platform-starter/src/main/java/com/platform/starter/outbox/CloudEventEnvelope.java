package com.platform.starter.outbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 structured-mode JSON envelope, as published on every platform topic (api.md, Events).
 * {@code requestid} and {@code traceparent} are extension attributes carrying the request id and trace.
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
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
}
