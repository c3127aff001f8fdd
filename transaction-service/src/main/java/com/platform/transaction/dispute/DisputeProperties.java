package com.platform.transaction.dispute;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * T7's published periods.
 *
 * @param openingPeriod how long after payment the payer may open a dispute (and only before settlement)
 * @param resolutionDeadline how long an operator has to resolve an open dispute; later it is listed as overdue
 */
@ConfigurationProperties("transaction.disputes")
public record DisputeProperties(@DefaultValue("15d") Duration openingPeriod,
        @DefaultValue("5d") Duration resolutionDeadline) {
}
