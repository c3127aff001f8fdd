package com.platform.gateway.partnerquota;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway learns each partner's API quota.
 *
 * @param bootstrapServers the Kafka brokers ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param topic the compacted topic partner-service writes {@code partner.quota-set} records to
 * @param initialLoadTimeout how long the start waits for the whole topic to be read before the gateway serves
 *        anyway, with the default quota for partners it has not heard of yet (Kafka down at start)
 * @param staleAfter the view counts as not current (health {@code partnerQuotas} DOWN) when the broker has not
 *        answered for this long
 */
@ConfigurationProperties("platform.gateway.partner-quotas")
public record PartnerQuotaProperties(
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("platform.partner-quotas.v1") String topic,
        @DefaultValue("10s") Duration initialLoadTimeout,
        @DefaultValue("15s") Duration staleAfter) {
}
