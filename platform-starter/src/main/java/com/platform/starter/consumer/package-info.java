/**
 * X1 idempotent consumers: {@link com.platform.starter.consumer.IdempotentConsumer} applies an event's effect and
 * records its id in one transaction; failed records are retried with back-off and then parked on
 * {@code <topic>.dlt}, from where {@link com.platform.starter.consumer.DeadLetterReplayer} can replay them.
 */
package com.platform.starter.consumer;
