package com.platform.risk.facts;

import java.time.Instant;

/**
 * What the payer view knows about a payer (from user-service's events). {@code level} and {@code status} are
 * null until an event carried them; {@code registeredAt} null until {@code user.registered} arrived.
 */
public record PayerFacts(Integer level, String status, Instant registeredAt, int activeViolations) {
}
