package com.platform.risk.facts;

/** What the partner view knows about a partner (from partner-service's events); grade null until graded. */
public record PartnerFacts(String type, String status, String grade) {
}
