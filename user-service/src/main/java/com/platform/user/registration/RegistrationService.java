package com.platform.user.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.user.account.AccountType;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;
import com.platform.user.account.VerificationLevel;
import com.platform.user.directory.DirectoryConflictException;
import com.platform.user.directory.LoginSync;
import com.platform.user.directory.UserDirectory;

/**
 * U1-U3 use cases: register, verify the contact, resend the code. The Keycloak login is created first (disabled)
 * so that the account's id is its Keycloak id; if our transaction then fails, the login is removed again
 * ({@link RegistrationLogins}).
 * Codes are sent only after the registration committed, and only their hash is stored.
 */
@Service
public class RegistrationService {

    private final UserAccounts accounts;
    private final Registrations registrations;
    private final RegistrationLogins logins;
    private final UserEvents events;
    private final CodeDelivery delivery;
    private final LoginSync loginSync;
    private final TransactionTemplate transaction;
    private final RegistrationProperties properties;
    private final Clock clock;

    RegistrationService(UserAccounts accounts, Registrations registrations, RegistrationLogins logins,
            UserEvents events, CodeDelivery delivery, LoginSync loginSync, TransactionTemplate transaction,
            RegistrationProperties properties, Clock clock) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.logins = logins;
        this.events = events;
        this.delivery = delivery;
        this.loginSync = loginSync;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** A validated registration request: exactly one contact, the one of the channel. */
    public record NewRegistration(Channel channel, EmailAddress email, PhoneNumber phone, String password,
            String displayName, AccountType accountType) {

        String contact() {
            return channel == Channel.EMAIL ? email.value() : phone.e164();
        }

        @Override
        public String toString() {
            return "NewRegistration[" + channel + ", " + accountType + "]";
        }
    }

    public record Registered(UUID registrationId, UUID userId) {
    }

    record RegisteredEvent(UUID userId, UUID registrationId, Channel channel, AccountType accountType,
            Instant occurredAt) {
    }

    record ContactVerifiedEvent(UUID userId, UUID registrationId, Channel channel, VerificationLevel level,
            Instant occurredAt) {
    }

    public Registered register(NewRegistration request) {
        if (request.email() != null ? accounts.emailTaken(request.email()) : accounts.phoneTaken(request.phone())) {
            throw RegistrationProblems.contactTaken();
        }
        UUID userId;
        try {
            userId = logins.create(new UserDirectory.NewLogin(request.contact(),
                    request.email() == null ? null : request.email().value(), request.password(),
                    Set.of(request.accountType().realmRole())));
        }
        catch (DirectoryConflictException e) {
            throw RegistrationProblems.contactTaken();
        }
        Registration.Started started;
        try {
            started = transaction.execute(status -> {
                Instant now = clock.instant();
                accounts.insert(UserAccount.register(userId, request.accountType(), request.displayName(),
                        request.email(), request.phone(), now));
                Registration.Started start = Registration.start(userId, request.channel(), now);
                registrations.insert(start.registration());
                events.publish(userId, UserEvents.REGISTERED, new RegisteredEvent(userId,
                        start.registration().id(), request.channel(), request.accountType(), now));
                return start;
            });
        }
        catch (RuntimeException e) {
            logins.remove(userId);
            if (e instanceof DuplicateKeyException) {
                // a concurrent registration took the contact between our check and our insert
                throw RegistrationProblems.contactTaken();
            }
            throw e;
        }
        delivery.send(request.channel(), request.contact(), started.plainCode());
        return new Registered(started.registration().id(), userId);
    }

    public record Verified(UUID userId, VerificationLevel level) {
    }

    private record Checked(OneTimeCode.Outcome outcome, UUID userId, int remainingAttempts) {
    }

    /** U1: the attempt is counted (and committed) before a wrong code is reported. */
    public Verified verify(UUID registrationId, String code) {
        Checked checked = transaction.execute(status -> {
            // lock order: the account row first, then its registration (the same order as the cleanup job)
            UUID userId = registrations.find(registrationId).orElseThrow(RegistrationProblems::unknownRegistration)
                    .userId();
            UserAccount account = accounts.findForUpdate(userId).orElseThrow(RegistrationProblems::unknownRegistration);
            Registration registration = registrations.findForUpdate(registrationId)
                    .orElseThrow(RegistrationProblems::unknownRegistration);
            Instant now = clock.instant();
            OneTimeCode.Outcome outcome = registration.verify(code, now);
            registrations.update(registration);
            if (outcome == OneTimeCode.Outcome.VERIFIED) {
                UserAccount.StatusChange change = account.contactVerified(now);
                accounts.update(account);
                events.publish(account.id(), UserEvents.CONTACT_VERIFIED, new ContactVerifiedEvent(account.id(),
                        registrationId, registration.channel(), account.level(), now));
                events.levelChanged(account.id(), new UserAccount.LevelChange(VerificationLevel.L0, account.level()));
                events.statusChanged(account.id(), change, "contact verified");
            }
            return new Checked(outcome, registration.userId(), registration.code().remainingAttempts());
        });
        return switch (checked.outcome()) {
            case VERIFIED -> {
                loginSync.applySoon(checked.userId());
                yield new Verified(checked.userId(), VerificationLevel.L1);
            }
            case WRONG -> throw RegistrationProblems.wrongCode(checked.remainingAttempts());
            case EXPIRED -> throw RegistrationProblems.expiredCode();
            case TOO_MANY_ATTEMPTS -> throw RegistrationProblems.tooManyAttempts();
            case ALREADY_USED -> throw RegistrationProblems.alreadyVerified();
        };
    }

    private record ResendNow(Channel channel, String contact, String plainCode) {
    }

    /** U1: a new code, unless the last one is too recent or the hourly allowance is spent (429 + Retry-After). */
    public void resend(UUID registrationId) {
        ResendNow resend = transaction.execute(status -> {
            UUID userId = registrations.find(registrationId).orElseThrow(RegistrationProblems::unknownRegistration)
                    .userId();
            UserAccount account = accounts.findForUpdate(userId).orElseThrow(RegistrationProblems::unknownRegistration);
            Registration registration = registrations.findForUpdate(registrationId)
                    .orElseThrow(RegistrationProblems::unknownRegistration);
            if (registration.status() == Registration.Status.VERIFIED) {
                throw RegistrationProblems.alreadyVerified();
            }
            if (registration.status() == Registration.Status.EXPIRED) {
                throw RegistrationProblems.expiredCode();
            }
            Registration.Resend result = registration.resend(properties.resendPolicy(), clock.instant());
            if (!result.sent()) {
                throw new RegistrationProblems.ResendTooSoonException(result.retryAfter());
            }
            registrations.update(registration);
            String contact = registration.channel() == Channel.EMAIL
                    ? account.email().orElseThrow().value() : account.phone().orElseThrow().e164();
            return new ResendNow(registration.channel(), contact, result.plainCode());
        });
        delivery.send(resend.channel(), resend.contact(), resend.plainCode());
    }
}
