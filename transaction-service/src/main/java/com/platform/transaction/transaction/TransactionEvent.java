package com.platform.transaction.transaction;

import java.util.Map;

/**
 * An event of T9 as the aggregate produced it: its stable type and its data (contracts.md lists the fields of each
 * type). The application service records it in the outbox in the transition's database transaction.
 */
public record TransactionEvent(String type, String subject, Map<String, Object> data) {

    public static final String TOPIC = "platform.transactions.v1";
}
