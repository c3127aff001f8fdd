package com.platform.user.business;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open transactions and disputes per person, as last reported by transaction-service. */
@Repository
public class OpenBusiness {

    public enum Kind { TRANSACTION, DISPUTE }

    private final JdbcClient jdbc;

    OpenBusiness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void opened(UUID userId, Kind kind, UUID businessId, Instant at) {
        jdbc.sql("""
                insert into open_business (user_id, kind, business_id, opened_at) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(userId, kind.name(), businessId, Timestamp.from(at)).update();
    }

    void closed(Kind kind, UUID businessId) {
        jdbc.sql("delete from open_business where kind = ? and business_id = ?").params(kind.name(), businessId)
                .update();
    }

    public long openFor(UUID userId) {
        return jdbc.sql("select count(*) from open_business where user_id = ?").param(userId).query(Long.class)
                .single();
    }
}
