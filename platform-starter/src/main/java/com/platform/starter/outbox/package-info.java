/**
 * X1 transactional outbox: {@link com.platform.starter.outbox.Outbox} records an event in the caller's
 * transaction; {@link com.platform.starter.outbox.OutboxRelay} publishes recorded events to Kafka as CloudEvents,
 * in order per aggregate, at least once; consumers deduplicate by event id.
 */
package com.platform.starter.outbox;
