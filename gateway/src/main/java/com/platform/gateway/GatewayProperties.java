package com.platform.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
     * @param partnerPerMinute per partner (its {@code partner_id} claim), shared by its systems and staff
     * @param anonymousPerMinute per client address, for public endpoints
     */
    public record RateLimit(int userPerMinute, int partnerPerMinute, int anonymousPerMinute) {
    }
}
