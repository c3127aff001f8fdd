/**
 * The local stack behind {@code ./platform up}: every part of the platform on one machine, real and without
 * Docker. Infrastructure first (PostgreSQL, Kafka, Keycloak, GreenMail, the third-party simulator), then the four
 * services and the gateway, each waited for until healthy.
 */
package com.platform.localstack;
