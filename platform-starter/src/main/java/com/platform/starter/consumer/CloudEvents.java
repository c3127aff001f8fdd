package com.platform.starter.consumer;

import com.platform.starter.outbox.CloudEventEnvelope;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads CloudEvents envelopes from record values; anything else is an {@link InvalidEventException}. */
public class CloudEvents {

    private final JsonMapper jsonMapper;

    public CloudEvents(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public CloudEventEnvelope parse(String value) {
        if (value == null) {
            throw new InvalidEventException("Record has no value");
        }
        CloudEventEnvelope envelope;
        try {
            envelope = jsonMapper.readValue(value, CloudEventEnvelope.class);
        }
        catch (JacksonException e) {
            throw new InvalidEventException("Record value is not a CloudEvents JSON envelope", e);
        }
        if (envelope.id() == null || envelope.id().isBlank() || envelope.type() == null
                || !CloudEventEnvelope.SPEC_VERSION.equals(envelope.specversion())) {
            throw new InvalidEventException("CloudEvent lacks id, type or specversion 1.0");
        }
        return envelope;
    }

    /** The event's data as the consumer's own record type (consumers never share the producer's classes). */
    public <T> T data(CloudEventEnvelope envelope, Class<T> type) {
        try {
            return jsonMapper.treeToValue(envelope.data(), type);
        }
        catch (JacksonException e) {
            throw new InvalidEventException("Data of " + envelope.type() + " does not match " + type.getSimpleName(),
                    e);
        }
    }
}
