package com.platform.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param corsOrigins front-end origins allowed to call the API from a browser (G4)
 * @param maxRequestSize larger request bodies are refused with 413 (G2)
 * @param rateLimit requests per minute per caller (G2)
 */
@ConfigurationProperties("platform.gateway")
public record GatewayProperties(List<String> corsOrigins, DataSize maxRequestSize, RateLimit rateLimit) {

    /**
     * @param userPerMinute per person or staff member (token subject)
     * @param partnerDefaultPerMinute per partner not heard of on the quota topic (a partner token: realm role
     *        {@code partner} and a {@code partner_id} claim), shared by all its clients; a partner heard of gets the
     *        {@code apiQuotaPerMinute} of its last {@code partner.quota-set} record instead
     * @param anonymousPerMinute per client address, for public endpoints
     * @param redisUrl Redis shared by all instances ({@code redis://host:6379}); empty: this instance's memory
     * @param redisTimeout how long a request waits for Redis before it is limited in memory instead
     */
    public record RateLimit(int userPerMinute, int partnerDefaultPerMinute, int anonymousPerMinute, String redisUrl,
            @DefaultValue("250ms") Duration redisTimeout) {
    }
}
