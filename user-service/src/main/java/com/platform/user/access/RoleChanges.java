package com.platform.user.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Role changes in PostgreSQL (see {@link RoleChange}). */
@Repository
class RoleChanges {

    private final JdbcClient jdbc;

    RoleChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RoleChange change) {
        jdbc.sql("""
                insert into role_change (id, user_id, added, removed, roles, reason, requested_by, requested_at,
                                         status, next_attempt_at, applied_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(change.id(), change.userId(), array(change.added()), array(change.removed()),
                        array(change.roles()), change.reason(), change.requestedBy(),
                        Timestamp.from(change.requestedAt()), change.status().name(),
                        timestamp(change.nextAttemptAt()), timestamp(change.appliedAt()))
                .update();
    }

    void update(RoleChange change) {
        jdbc.sql("update role_change set status = ?, next_attempt_at = ?, applied_at = ? where id = ?")
                .params(change.status().name(), timestamp(change.nextAttemptAt()), timestamp(change.appliedAt()),
                        change.id())
                .update();
    }

    Optional<RoleChange> findForUpdate(UUID id) {
        return jdbc.sql("select * from role_change where id = ? for update").param(id).query(this::map).optional();
    }

    /** Marks the person's pending changes superseded; returns their ids. */
    List<UUID> supersedePending(UUID userId) {
        return jdbc.sql("""
                update role_change set status = 'SUPERSEDED', next_attempt_at = null
                 where user_id = ? and status = 'PENDING' returning id
                """).param(userId).query(UUID.class).list();
    }

    List<UUID> dueForRetry(Instant now, int limit) {
        return jdbc.sql("""
                select id from role_change where status = 'PENDING' and next_attempt_at <= ?
                 order by next_attempt_at limit ?
                """).params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    private RoleChange map(ResultSet rs, int row) throws SQLException {
        return RoleChange.restore(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                set(rs.getArray("added")), set(rs.getArray("removed")), set(rs.getArray("roles")),
                rs.getString("reason"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                RoleChange.Status.valueOf(rs.getString("status")), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("applied_at")));
    }

    private static String[] array(Set<String> roles) {
        return roles.stream().sorted().toArray(String[]::new);
    }

    private static Set<String> set(Array array) throws SQLException {
        return array == null ? Set.of() : Set.of((String[]) array.getArray());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
