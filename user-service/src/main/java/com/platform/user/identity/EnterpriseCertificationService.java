package com.platform.user.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.starter.problem.PlatformException;
import com.platform.user.account.AccountStateException;
import com.platform.user.account.AccountType;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;
import com.platform.user.account.VerificationLevel;

/**
 * U4 qualification certification of enterprise accounts (L3): the unified social credit code with its check
 * character (GB 32100), a licence that has not expired, and a representative who is real-name verified (L2)
 * first. One company backs one account. The credit bureau and blacklist checks of P2 belong to partner admission,
 * not to an enterprise customer account.
 */
@Service
public class EnterpriseCertificationService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final UserEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EnterpriseCertificationService(UserAccounts accounts, JdbcClient jdbc, UserEvents events,
            TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Certification(UUID id, String status, VerificationLevel level) {
    }

    record EnterpriseCertified(UUID userId, UUID certificationId, String creditCode, VerificationLevel level,
            Instant occurredAt) {
    }

    public record CertificationRecord(UUID id, String companyName, String creditCode, String licenseNumber,
            LocalDate licenseExpiresOn, String status, Instant certifiedAt) {
    }

    public List<CertificationRecord> ofUser(UUID userId) {
        return jdbc.sql("select * from enterprise_certification where user_id = ? order by certified_at")
                .param(userId)
                .query((rs, i) -> new CertificationRecord(rs.getObject("id", UUID.class), rs.getString("company_name"),
                        rs.getString("credit_code"), rs.getString("license_number"),
                        rs.getObject("license_expires_on", LocalDate.class), rs.getString("status"),
                        rs.getTimestamp("certified_at").toInstant()))
                .list();
    }

    public Certification certify(UUID userId, String companyName, String creditCode, String licenseNumber,
            LocalDate licenseExpiresOn) {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(creditCode).orElseThrow(() ->
                PlatformException.invalidField("creditCode",
                        "is not a valid unified social credit code (18 characters, check character)"));
        if (!licenseExpiresOn.isAfter(LocalDate.now(clock.withZone(CHINA)))) {
            throw PlatformException.invalidField("licenseExpiresOn", "the licence has expired");
        }
        try {
            return transaction.execute(status -> {
                UserAccount account = accounts.findForUpdate(userId)
                        .orElseThrow(() -> new AccountStateException("no account"));
                if (account.type() != AccountType.ENTERPRISE) {
                    throw new AccountStateException("only enterprise accounts are certified");
                }
                if (account.level().atLeast(VerificationLevel.L3)) {
                    throw PlatformException.conflict("ENTERPRISE_ALREADY_CERTIFIED", "This account is certified.");
                }
                if (!account.level().atLeast(VerificationLevel.L2) || !account.status().canLogIn()) {
                    throw PlatformException.conflict("LEVEL_TOO_LOW",
                            "The representative must be real-name verified (L2) first.");
                }
                Instant now = clock.instant();
                UUID id = UUID.randomUUID();
                jdbc.sql("""
                        insert into enterprise_certification (id, user_id, company_name, credit_code, license_number,
                                                              license_expires_on, status, certified_at)
                        values (?, ?, ?, ?, ?, ?, 'CERTIFIED', ?)
                        """).params(id, userId, companyName, code.value(), licenseNumber, licenseExpiresOn,
                        Timestamp.from(now)).update();
                account.raiseLevelTo(VerificationLevel.L3, now).ifPresent(change -> {
                    accounts.update(account);
                    events.levelChanged(userId, change);
                });
                events.publish(userId, UserEvents.ENTERPRISE_CERTIFIED,
                        new EnterpriseCertified(userId, id, code.value(), account.level(), now));
                return new Certification(id, "CERTIFIED", account.level());
            });
        }
        catch (DuplicateKeyException e) {
            throw PlatformException.conflict("COMPANY_ALREADY_CERTIFIED",
                    "This company already backs another account.");
        }
    }
}
