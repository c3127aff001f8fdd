package com.platform.user.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registrations in PostgreSQL; the code is kept as salt and hash only. */
@Repository
class Registrations {

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Registration> find(UUID id) {
        return jdbc.sql("select * from registration where id = ?").param(id).query(this::map).optional();
    }

    /** Loads and locks the registration, so two concurrent guesses cannot both use the last attempt. */
    Optional<Registration> findForUpdate(UUID id) {
        return jdbc.sql("select * from registration where id = ? for update").param(id).query(this::map).optional();
    }

    void insert(Registration registration) {
        OneTimeCode code = registration.code();
        jdbc.sql("""
                insert into registration (id, user_id, channel, status, code_salt, code_hash, code_issued_at,
                                          code_attempts, code_used, codes_sent_at, created_at, verified_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz[], ?, ?)
                """)
                .params(registration.id(), registration.userId(), registration.channel().name(),
                        registration.status().name(), code.salt(), code.hash(), Timestamp.from(code.issuedAt()),
                        code.attempts(), code.used(), timestamps(registration.codesSentAt()),
                        Timestamp.from(registration.createdAt()),
                        registration.verifiedAt().map(Timestamp::from).orElse(null))
                .update();
    }

    void update(Registration registration) {
        OneTimeCode code = registration.code();
        jdbc.sql("""
                update registration set status = ?, code_salt = ?, code_hash = ?, code_issued_at = ?,
                       code_attempts = ?, code_used = ?, codes_sent_at = ?::timestamptz[], verified_at = ?
                 where id = ?
                """)
                .params(registration.status().name(), code.salt(), code.hash(), Timestamp.from(code.issuedAt()),
                        code.attempts(), code.used(), timestamps(registration.codesSentAt()),
                        registration.verifiedAt().map(Timestamp::from).orElse(null), registration.id())
                .update();
    }

    /** Accounts whose registration was never verified and started before the cut-off, or is being removed. */
    List<UUID> unverifiedUsersBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                select user_id from registration
                 where (status = 'PENDING' and created_at < ?) or status = 'EXPIRED'
                 order by created_at limit ?
                """).params(Timestamp.from(cutoff), limit).query(UUID.class).list();
    }

    Optional<Registration> findOfUserForUpdate(UUID userId) {
        return jdbc.sql("select * from registration where user_id = ? for update").param(userId).query(this::map)
                .optional();
    }

    private Registration map(ResultSet rs, int row) throws SQLException {
        Timestamp verifiedAt = rs.getTimestamp("verified_at");
        Timestamp[] sent = (Timestamp[]) rs.getArray("codes_sent_at").getArray();
        return Registration.restore(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), Registration.Status.valueOf(rs.getString("status")),
                OneTimeCode.restore(rs.getString("code_salt"), rs.getString("code_hash"),
                        rs.getTimestamp("code_issued_at").toInstant(), rs.getInt("code_attempts"),
                        rs.getBoolean("code_used")),
                Arrays.stream(sent).map(Timestamp::toInstant).toList(), rs.getTimestamp("created_at").toInstant(),
                verifiedAt == null ? null : verifiedAt.toInstant());
    }

    private static String[] timestamps(List<Instant> instants) {
        return instants.stream().map(Instant::toString).toArray(String[]::new);
    }
}
