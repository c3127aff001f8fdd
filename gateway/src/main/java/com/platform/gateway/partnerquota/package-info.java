/**
 * Each partner's API quota (G2, P4) as partner-service publishes it on the compacted topic
 * {@code platform.partner-quotas.v1}: every gateway instance reads the whole topic from the beginning and follows it.
 */
package com.platform.gateway.partnerquota;
