package com.platform.user.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.starter.problem.PlatformException;
import com.platform.user.account.AccountStateException;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;
import com.platform.user.account.VerificationLevel;

/**
 * U4 real-name verification. The submission commits as PENDING before the provider is asked, so a provider
 * outage loses nothing: the retry task asks again until there is an answer. VERIFIED raises the account to L2.
 */
@Service
public class IdentityVerificationService {

    private static final Logger log = LoggerFactory.getLogger(IdentityVerificationService.class);
    // resident ID birth dates are Beijing dates
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final UserAccounts accounts;
    private final IdentityVerifications verifications;
    private final IdentityProvider provider;
    private final UserEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IdentityVerificationService(UserAccounts accounts, IdentityVerifications verifications, IdentityProvider provider,
            UserEvents events, TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.verifications = verifications;
        this.provider = provider;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Outcome(UUID id, IdentityVerification.Status status, VerificationLevel level) {
    }

    record IdentityDecided(UUID userId, UUID verificationId, DocumentType documentType, VerificationLevel level,
            Instant occurredAt) {
    }

    public Outcome submit(UUID userId, String legalName, DocumentType type, String documentNumber) {
        String number = normalised(type, documentNumber);
        IdentityVerification verification;
        try {
            verification = transaction.execute(status -> {
                UserAccount account = accounts.findForUpdate(userId).orElseThrow(() -> new AccountStateException(
                        "no account"));
                if (!account.status().canLogIn() || !account.level().atLeast(VerificationLevel.L1)) {
                    throw new AccountStateException("the account cannot be verified in status " + account.status());
                }
                if (account.level().atLeast(VerificationLevel.L2)) {
                    throw PlatformException.conflict("IDENTITY_ALREADY_VERIFIED", "This account is already verified.");
                }
                if (verifications.hasPending(userId)) {
                    // one verification at a time, or two documents could end up backing one account
                    throw pendingAlready();
                }
                Optional<UUID> holder = verifications.holderOf(type, number);
                if (holder.isPresent()) {
                    throw holder.get().equals(userId) ? pendingAlready() : alreadyBound();
                }
                IdentityVerification submitted = IdentityVerification.submit(userId, legalName, type, number,
                        clock.instant());
                verifications.insert(submitted);
                return submitted;
            });
        }
        catch (DuplicateKeyException e) {
            // another account bound the same document between our check and our insert
            throw alreadyBound();
        }
        return ask(verification.id()).orElseGet(() ->
                new Outcome(verification.id(), IdentityVerification.Status.PENDING, accounts.get(userId).level()));
    }

    /** Asks the provider again for every verification whose retry time has come; returns how many were decided. */
    public int retryDue() {
        int decided = 0;
        for (UUID id : verifications.dueForRetry(clock.instant(), 50)) {
            Optional<Outcome> outcome = ask(id);
            if (outcome.isPresent() && outcome.get().status() != IdentityVerification.Status.PENDING) {
                decided++;
            }
        }
        return decided;
    }

    /**
     * Claims the call (a short transaction), calls the provider outside any transaction, then records its answer
     * (or the outage) in one. The claim keeps the retry job off a verification whose call is still running.
     */
    private Optional<Outcome> ask(UUID verificationId) {
        IdentityVerification claimed = transaction.execute(status -> verifications.findForUpdate(verificationId)
                .filter(v -> v.claimCall(clock.instant()))
                .map(v -> {
                    verifications.update(v);
                    return v;
                })
                .orElse(null));
        if (claimed == null) {
            return Optional.empty();
        }
        IdentityProvider.Answer answer;
        try {
            answer = provider.verify(claimed.legalName(), claimed.documentType(), claimed.documentNumber());
        }
        catch (IdentityProvider.IdentityProviderUnavailableException e) {
            log.warn("Identity provider gave no answer for verification {}: {}", verificationId,
                    e.getCause() == null ? "unexpected answer" : e.getCause().getClass().getSimpleName());
            answer = null;
        }
        IdentityProvider.Answer result = answer;
        return Optional.ofNullable(transaction.execute(status -> {
            // lock order: the account row first, then the verification
            UserAccount account = accounts.findForUpdate(claimed.userId()).orElseThrow();
            IdentityVerification verification = verifications.findForUpdate(verificationId).orElseThrow();
            if (!verification.awaitsAnswerTo(claimed)) {
                return null;
            }
            Instant now = clock.instant();
            if (result == null) {
                verification.providerUnavailable(now);
                verifications.update(verification);
                return new Outcome(verification.id(), verification.status(), account.level());
            }
            verification.recordResult(result.result(), result.reference(), now);
            verifications.update(verification);
            boolean verified = verification.status() == IdentityVerification.Status.VERIFIED;
            if (verified) {
                account.raiseLevelTo(VerificationLevel.L2, now).ifPresent(change -> {
                    accounts.update(account);
                    events.levelChanged(account.id(), change);
                });
            }
            events.publish(account.id(), verified ? UserEvents.IDENTITY_VERIFIED : UserEvents.IDENTITY_REJECTED,
                    new IdentityDecided(account.id(), verification.id(), verification.documentType(),
                            account.level(), now));
            return new Outcome(verification.id(), verification.status(), account.level());
        }));
    }

    private String normalised(DocumentType type, String documentNumber) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Optional<String> valid = switch (type) {
            case RESIDENT_ID -> ResidentIdNumber.parse(documentNumber, today).map(ResidentIdNumber::value);
            case PASSPORT -> PassportNumber.parse(documentNumber).map(PassportNumber::value);
        };
        return valid.orElseThrow(() -> PlatformException.invalidField("documentNumber", type == DocumentType.RESIDENT_ID
                ? "is not a valid resident ID number (18 characters, check character)"
                : "is not a valid passport number"));
    }

    private static PlatformException alreadyBound() {
        return PlatformException.conflict("IDENTITY_ALREADY_BOUND",
                "This identity document already backs another account.");
    }

    private static PlatformException pendingAlready() {
        return PlatformException.conflict("IDENTITY_VERIFICATION_PENDING",
                "A verification is already in progress for this account.");
    }
}
