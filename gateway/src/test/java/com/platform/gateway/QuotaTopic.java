package com.platform.gateway;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes to the partner quota topic what partner-service's outbox writes there (CloudEvents, key partnerId). */
final class QuotaTopic implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    QuotaTopic(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A {@code partner.quota-set} event without {@code aggregatesequence}. */
    void quotaSet(String partnerId, int apiQuotaPerMinute) {
        send(partnerId, envelope(partnerId, apiQuotaPerMinute, null));
    }

    void quotaSet(String partnerId, int apiQuotaPerMinute, long aggregateSequence) {
        send(partnerId, envelope(partnerId, apiQuotaPerMinute, aggregateSequence));
    }

    static String envelope(String partnerId, Object apiQuotaPerMinute, Long aggregateSequence) {
        return """
                {"specversion":"1.0","id":"%s","source":"/partner-service","type":"partner.quota-set",\
                "subject":"%s","time":"%s","datacontenttype":"application/json",%s\
                "data":{"partnerId":"%s","apiQuotaPerMinute":%s,"agreementId":"%s","agreementVersion":1,\
                "occurredAt":"%s"}}"""
                .formatted(UUID.randomUUID(), partnerId, Instant.now(),
                        aggregateSequence == null ? "" : "\"aggregatesequence\":" + aggregateSequence + ",",
                        partnerId, apiQuotaPerMinute, UUID.randomUUID(), Instant.now());
    }

    void send(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(GatewayIntegrationTest.QUOTA_TOPIC, key, value)).get(10,
                    TimeUnit.SECONDS);
        }
        catch (Exception e) {
            throw new IllegalStateException("could not write to the quota topic", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
