package com.platform.user.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.platform.starter.crypto.BlindIndex;
import com.platform.starter.crypto.FieldEncryptor;

/**
 * Verifications in PostgreSQL; legal name and document number encrypted (bound to the row), the document also
 * as a blind index of type and number so one document backs one account (U4, U5).
 */
@Repository
public class IdentityVerifications {

    private static final String DOCUMENT_INDEX = "identity.document";

    private final JdbcClient jdbc;
    private final FieldEncryptor encryptor;
    private final BlindIndex blindIndex;

    IdentityVerifications(JdbcClient jdbc, FieldEncryptor encryptor, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.encryptor = encryptor;
        this.blindIndex = blindIndex;
    }

    void insert(IdentityVerification verification) {
        jdbc.sql("""
                insert into identity_verification (id, user_id, document_type, document_cipher, document_index,
                       legal_name_cipher, status, attempts, next_attempt_at, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(verification.id(), verification.userId(), verification.documentType().name(),
                        encryptor.encrypt(verification.documentNumber(), context("document", verification.id())),
                        documentIndex(verification.documentType(), verification.documentNumber()),
                        encryptor.encrypt(verification.legalName(), context("legal_name", verification.id())),
                        verification.status().name(), verification.attempts(),
                        verification.nextAttemptAt().map(Timestamp::from).orElse(null),
                        Timestamp.from(verification.submittedAt()))
                .update();
    }

    void update(IdentityVerification verification) {
        jdbc.sql("""
                update identity_verification set status = ?, provider_reference = ?, attempts = ?,
                       next_attempt_at = ?, decided_at = ?
                 where id = ?
                """)
                .params(verification.status().name(), verification.providerReference().orElse(null),
                        verification.attempts(), verification.nextAttemptAt().map(Timestamp::from).orElse(null),
                        verification.decidedAt().map(Timestamp::from).orElse(null), verification.id())
                .update();
    }

    Optional<IdentityVerification> findForUpdate(UUID id) {
        return jdbc.sql("select * from identity_verification where id = ? for update").param(id).query(this::map)
                .optional();
    }

    /** Which account the document is bound to, if any. */
    Optional<UUID> holderOf(DocumentType type, String documentNumber) {
        return jdbc.sql("""
                select user_id from identity_verification
                 where document_index = ? and status in ('PENDING', 'VERIFIED')
                """).param(documentIndex(type, documentNumber)).query(UUID.class).optional();
    }

    boolean hasPending(UUID userId) {
        return jdbc.sql("select count(*) from identity_verification where user_id = ? and status = 'PENDING'")
                .param(userId).query(Long.class).single() > 0;
    }

    List<UUID> dueForRetry(Instant now, int limit) {
        return jdbc.sql("""
                select id from identity_verification
                 where status = 'PENDING' and next_attempt_at <= ?
                 order by next_attempt_at limit ?
                """).params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    public List<IdentityVerification> ofUser(UUID userId) {
        return jdbc.sql("""
                select * from identity_verification where user_id = ? and document_cipher is not null
                 order by submitted_at
                """).param(userId).query(this::map).list();
    }

    /** U7: forgets the documents and names of a closed account and releases its documents for a new account. */
    public void eraseForUser(UUID userId) {
        jdbc.sql("""
                update identity_verification
                   set document_cipher = null, legal_name_cipher = null, document_index = 'erased:' || id::text
                 where user_id = ?
                """).param(userId).update();
    }

    private String documentIndex(DocumentType type, String number) {
        return blindIndex.of(DOCUMENT_INDEX, type.name() + ":" + number);
    }

    private IdentityVerification map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String document = rs.getString("document_cipher");
        String legalName = rs.getString("legal_name_cipher");
        return IdentityVerification.restore(id, rs.getObject("user_id", UUID.class),
                legalName == null ? null : encryptor.decrypt(legalName, context("legal_name", id)),
                DocumentType.valueOf(rs.getString("document_type")),
                document == null ? null : encryptor.decrypt(document, context("document", id)),
                IdentityVerification.Status.valueOf(rs.getString("status")), rs.getString("provider_reference"),
                rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                rs.getTimestamp("submitted_at").toInstant(), instant(rs.getTimestamp("decided_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String context(String field, UUID id) {
        return "identity_verification." + field + "/" + id;
    }
}
