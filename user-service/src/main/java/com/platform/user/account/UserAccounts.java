package com.platform.user.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

import com.platform.starter.crypto.BlindIndex;
import com.platform.starter.crypto.FieldEncryptor;
import com.platform.starter.paging.PageQuery;
import com.platform.user.registration.EmailAddress;
import com.platform.user.registration.PhoneNumber;

/**
 * Accounts in PostgreSQL. Contacts are encrypted with the row id as associated data (a cipher text copied to
 * another row does not decrypt) and found through blind indexes (U5). Saves are optimistic: a concurrent change
 * to the same account makes the later one fail rather than overwrite.
 */
@Repository
public class UserAccounts {

    static final String EMAIL_INDEX = "user.email";
    static final String PHONE_INDEX = "user.phone";

    private final JdbcClient jdbc;
    private final FieldEncryptor encryptor;
    private final BlindIndex blindIndex;

    UserAccounts(JdbcClient jdbc, FieldEncryptor encryptor, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.encryptor = encryptor;
        this.blindIndex = blindIndex;
    }

    public Optional<UserAccount> find(UUID id) {
        return jdbc.sql("select * from user_account where id = ?").param(id).query(this::map).optional();
    }

    /** Locks the row for the rest of the transaction (status recomputation, closure). */
    public Optional<UserAccount> findForUpdate(UUID id) {
        return jdbc.sql("select * from user_account where id = ? for update").param(id).query(this::map).optional();
    }

    public UserAccount get(UUID id) {
        return find(id).orElseThrow(() -> new UnknownUserException(id));
    }

    public boolean emailTaken(EmailAddress email) {
        return jdbc.sql("select count(*) from user_account where email_index = ?")
                .param(blindIndex.of(EMAIL_INDEX, email.value())).query(Long.class).single() > 0;
    }

    public boolean phoneTaken(PhoneNumber phone) {
        return jdbc.sql("select count(*) from user_account where phone_index = ?")
                .param(blindIndex.of(PHONE_INDEX, phone.e164())).query(Long.class).single() > 0;
    }

    public record Search(AccountStatus status, VerificationLevel level, EmailAddress email, PhoneNumber phone) {
    }

    public List<UserAccount> search(Search search, PageQuery page) {
        Where where = where(search);
        return jdbc.sql("select * from user_account" + where.sql + " order by created_at desc, id limit ? offset ?")
                .params(where.withPaging(page)).query(this::map).list();
    }

    public long count(Search search) {
        Where where = where(search);
        return jdbc.sql("select count(*) from user_account" + where.sql).params(where.params).query(Long.class)
                .single();
    }

    public void insert(UserAccount account) {
        StoredContacts contacts = storedContacts(account);
        jdbc.sql("""
                insert into user_account (id, account_type, display_name, email_cipher, email_index, phone_cipher,
                                          phone_index, level, status, roles, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """)
                .params(account.id(), account.type().name(), account.displayName(), contacts.emailCipher(),
                        contacts.emailIndex(), contacts.phoneCipher(), contacts.phoneIndex(), account.level().name(),
                        account.status().name(), account.roles().toArray(String[]::new),
                        Timestamp.from(account.createdAt()), Timestamp.from(account.updatedAt()))
                .update();
    }

    public void update(UserAccount account) {
        StoredContacts contacts = storedContacts(account);
        int updated = jdbc.sql("""
                update user_account set display_name = ?, email_cipher = ?, email_index = ?, phone_cipher = ?,
                       phone_index = ?, level = ?, status = ?, roles = ?, updated_at = ?, closed_at = ?,
                       version = version + 1
                 where id = ? and version = ?
                """)
                .params(account.displayName(), contacts.emailCipher(), contacts.emailIndex(),
                        contacts.phoneCipher(), contacts.phoneIndex(), account.level().name(),
                        account.status().name(), account.roles().toArray(String[]::new),
                        Timestamp.from(account.updatedAt()), account.closedAt().map(Timestamp::from).orElse(null),
                        account.id(), account.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("account changed concurrently");
        }
    }

    public void delete(UUID id) {
        jdbc.sql("delete from user_account where id = ?").param(id).update();
    }

    /** Contacts as stored: encrypted for reading back, blind-indexed for lookups; null where absent. */
    private record StoredContacts(String emailCipher, String emailIndex, String phoneCipher, String phoneIndex) {
    }

    private StoredContacts storedContacts(UserAccount account) {
        return new StoredContacts(
                account.email().map(e -> encryptor.encrypt(e.value(), context("email", account.id()))).orElse(null),
                account.email().map(e -> blindIndex.of(EMAIL_INDEX, e.value())).orElse(null),
                account.phone().map(p -> encryptor.encrypt(p.e164(), context("phone", account.id()))).orElse(null),
                account.phone().map(p -> blindIndex.of(PHONE_INDEX, p.e164())).orElse(null));
    }

    private UserAccount map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String emailCipher = rs.getString("email_cipher");
        String phoneCipher = rs.getString("phone_cipher");
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return UserAccount.restore(id, AccountType.valueOf(rs.getString("account_type")),
                rs.getString("display_name"),
                emailCipher == null ? null : new EmailAddress(encryptor.decrypt(emailCipher, context("email", id))),
                phoneCipher == null ? null : new PhoneNumber(encryptor.decrypt(phoneCipher, context("phone", id))),
                VerificationLevel.valueOf(rs.getString("level")), AccountStatus.valueOf(rs.getString("status")),
                roles(rs.getArray("roles")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), closedAt == null ? null : closedAt.toInstant(),
                rs.getInt("version"));
    }

    private static Set<String> roles(Array array) throws SQLException {
        return array == null ? Set.of() : Set.of((String[]) array.getArray());
    }

    private static String context(String field, UUID id) {
        return "user_account." + field + "/" + id;
    }

    private Where where(Search search) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (search.status() != null) {
            clauses.add("status = ?");
            params.add(search.status().name());
        }
        if (search.level() != null) {
            clauses.add("level = ?");
            params.add(search.level().name());
        }
        if (search.email() != null) {
            clauses.add("email_index = ?");
            params.add(blindIndex.of(EMAIL_INDEX, search.email().value()));
        }
        if (search.phone() != null) {
            clauses.add("phone_index = ?");
            params.add(blindIndex.of(PHONE_INDEX, search.phone().e164()));
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    private record Where(String sql, List<Object> params) {
        List<Object> withPaging(PageQuery page) {
            List<Object> all = new ArrayList<>(params);
            all.add(page.size());
            all.add(page.offset());
            return all;
        }
    }

}
