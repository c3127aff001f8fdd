package com.platform.gateway.partnerquota;

import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One record of the quota topic read as the gateway's own type (it never shares partner-service's classes): a
 * CloudEvents envelope of type {@code partner.quota-set} whose {@code data} is
 * {@code {partnerId, apiQuotaPerMinute, agreementId, agreementVersion, occurredAt}} (docs/events.md). Only
 * {@code partnerId} and {@code apiQuotaPerMinute} are read.
 */
sealed interface QuotaRecord {

    String TYPE = "partner.quota-set";

    /** A quota to apply. {@code sequence} is the envelope's {@code aggregatesequence}, null when absent. */
    record Set(String partnerId, int perMinute, Long sequence) implements QuotaRecord {
    }

    /** A tombstone (no value): the partner is forgotten and the default applies again. */
    record Forget(String partnerId) implements QuotaRecord {
    }

    /** Another event type on the topic: not ours to read, not an error. */
    record Other(String type) implements QuotaRecord {
    }

    /** A record that cannot be read; {@code reason} names what is wrong and never quotes the record. */
    record Malformed(String reason) implements QuotaRecord {
    }

    static QuotaRecord read(JsonMapper json, String key, String value) {
        if (value == null) {
            return key == null || key.isBlank() ? new Malformed("a tombstone without a key") : new Forget(key);
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(value);
        }
        catch (JacksonException e) {
            return new Malformed("the value is not JSON");
        }
        if (envelope == null || !envelope.isObject()) {
            return new Malformed("the value is not a JSON object");
        }
        if (!"1.0".equals(text(envelope, "specversion"))) {
            return new Malformed("not a CloudEvents 1.0 envelope (specversion)");
        }
        String type = text(envelope, "type");
        if (type == null) {
            return new Malformed("the envelope has no type");
        }
        if (!TYPE.equals(type)) {
            return new Other(type);
        }
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            return new Malformed("the envelope has no data object");
        }
        String partnerId = text(data, "partnerId");
        if (partnerId == null || partnerId.isBlank()) {
            return new Malformed("data.partnerId is missing");
        }
        if (key != null && !Objects.equals(key, partnerId)) {
            return new Malformed("the record key is not data.partnerId");
        }
        JsonNode quota = data.get("apiQuotaPerMinute");
        if (quota == null || !quota.isIntegralNumber() || !quota.canConvertToInt()) {
            return new Malformed("data.apiQuotaPerMinute is not an integer");
        }
        if (quota.intValue() < 0) {
            return new Malformed("data.apiQuotaPerMinute is negative");
        }
        JsonNode sequence = envelope.get("aggregatesequence");
        Long number = sequence != null && sequence.isIntegralNumber() && sequence.canConvertToLong()
                ? sequence.longValue() : null;
        return new Set(partnerId, quota.intValue(), number);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
