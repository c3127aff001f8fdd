package com.platform.gateway.partnerquota;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partner quota view, the feed that fills it and its health. */
@Configuration(proxyBeanMethods = false)
class PartnerQuotaConfiguration {

    @Bean
    PartnerQuotas partnerQuotas() {
        return new PartnerQuotas();
    }

    @Bean
    PartnerQuotaFeed partnerQuotaFeed(PartnerQuotaProperties properties, PartnerQuotas quotas) {
        return new PartnerQuotaFeed(properties, quotas, Clock.systemUTC());
    }

    /**
     * {@code partnerQuotas} in health: DOWN while the view is not current (the topic not read to its end yet, or
     * the broker silent for longer than {@code staleAfter}); the gateway keeps serving with the quotas it knows and
     * the default for the others. Like {@code rateLimitStore}, not part of readiness or liveness: taking every
     * instance out of the load balancer because Kafka is away would turn stale quotas into an outage.
     */
    @Bean
    HealthIndicator partnerQuotasHealthIndicator(PartnerQuotaFeed feed, PartnerQuotas quotas) {
        return () -> {
            PartnerQuotaFeed.State state = feed.state();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("loaded", state.loaded());
            details.put("partners", quotas.size());
            details.put("partitions", state.partitions());
            details.put("lag", state.lag());
            details.put("lastContact", state.lastContact() == null ? "never" : state.lastContact().toString());
            details.put("recordsApplied", state.applied());
            details.put("recordsSkipped", state.skipped());
            details.put("compacted", state.compacted() == null ? "unknown" : state.compacted());
            if (state.problem() != null) {
                details.put("problem", state.problem());
            }
            return (feed.isCurrent() ? Health.up() : Health.down()).withDetails(details).build();
        };
    }
}
