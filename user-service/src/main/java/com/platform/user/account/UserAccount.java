package com.platform.user.account;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.platform.user.registration.EmailAddress;
import com.platform.user.registration.PhoneNumber;
import com.platform.user.violation.PenaltyKind;

/**
 * A person's or company's account (U1-U8). Its id is the Keycloak user id, so the {@code sub} of every token the
 * person gets is the id other services know them by.
 *
 * <p>Invariants: the level only rises; an account is PENDING_VERIFICATION until a contact is verified; after that
 * its status follows the penalties in force ({@link AccountStatus#underPenalties}); CLOSED is final and leaves no
 * personal data behind (contacts erased, display name anonymised). Transitions that break these throw
 * {@link AccountStateException}.
 */
public final class UserAccount {

    public static final String CLOSED_DISPLAY_NAME = "closed account";

    private final UUID id;
    private final AccountType type;
    private String displayName;
    private EmailAddress email;
    private PhoneNumber phone;
    private VerificationLevel level;
    private AccountStatus status;
    private Set<String> roles;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    private final int version;

    private UserAccount(UUID id, AccountType type, String displayName, EmailAddress email, PhoneNumber phone,
            VerificationLevel level, AccountStatus status, Set<String> roles, Instant createdAt, Instant updatedAt,
            Instant closedAt, int version) {
        this.id = id;
        this.type = type;
        this.displayName = displayName;
        this.email = email;
        this.phone = phone;
        this.level = level;
        this.status = status;
        this.roles = new TreeSet<>(roles);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.closedAt = closedAt;
        this.version = version;
    }

    /** U1: a new account, unverified, holding the base role of its type. */
    public static UserAccount register(UUID id, AccountType type, String displayName, EmailAddress email,
            PhoneNumber phone, Instant now) {
        if (email == null && phone == null) {
            throw new IllegalArgumentException("an account needs a contact");
        }
        return new UserAccount(id, type, displayName, email, phone, VerificationLevel.L0,
                AccountStatus.PENDING_VERIFICATION, Set.of(type.realmRole()), now, now, null, 0);
    }

    /** An account as persisted. */
    public static UserAccount restore(UUID id, AccountType type, String displayName, EmailAddress email,
            PhoneNumber phone, VerificationLevel level, AccountStatus status, Set<String> roles, Instant createdAt,
            Instant updatedAt, Instant closedAt, int version) {
        return new UserAccount(id, type, displayName, email, phone, level, status, roles, createdAt, updatedAt,
                closedAt, version);
    }

    public record LevelChange(VerificationLevel from, VerificationLevel to) {
    }

    public record StatusChange(AccountStatus from, AccountStatus to) {
    }

    /** U1: the one-time code was right; the account becomes usable at level L1. */
    public StatusChange contactVerified(Instant now) {
        if (status != AccountStatus.PENDING_VERIFICATION) {
            throw new AccountStateException("contact already verified");
        }
        status = AccountStatus.ACTIVE;
        level = VerificationLevel.L1;
        updatedAt = now;
        return new StatusChange(AccountStatus.PENDING_VERIFICATION, AccountStatus.ACTIVE);
    }

    /** U4: a verification or certification succeeded. Levels never fall, so a lower target changes nothing. */
    public Optional<LevelChange> raiseLevelTo(VerificationLevel target, Instant now) {
        requireOpen();
        if (level.atLeast(target)) {
            return Optional.empty();
        }
        LevelChange change = new LevelChange(level, target);
        level = target;
        updatedAt = now;
        return Optional.of(change);
    }

    /** U8: the status follows the strongest penalty in force (recomputed after a penalty starts, ends or is lifted). */
    public Optional<StatusChange> applyPenalties(Collection<PenaltyKind> inForce, Instant now) {
        if (status == AccountStatus.CLOSED || status == AccountStatus.PENDING_VERIFICATION) {
            return Optional.empty();
        }
        AccountStatus next = AccountStatus.underPenalties(inForce);
        if (next == status) {
            return Optional.empty();
        }
        StatusChange change = new StatusChange(status, next);
        status = next;
        updatedAt = now;
        return Optional.of(change);
    }

    /** U7: closes the account and forgets the personal data it held. */
    public StatusChange close(Instant now) {
        requireOpen();
        if (!status.canLogIn()) {
            throw new AccountStateException("a " + status + " account cannot be closed by its holder");
        }
        StatusChange change = new StatusChange(status, AccountStatus.CLOSED);
        status = AccountStatus.CLOSED;
        displayName = CLOSED_DISPLAY_NAME;
        email = null;
        phone = null;
        closedAt = now;
        updatedAt = now;
        return change;
    }

    public void rename(String newDisplayName, Instant now) {
        requireOpen();
        displayName = newDisplayName;
        updatedAt = now;
    }

    /** U6: the realm roles as Keycloak now holds them (the copy shown in the profile). */
    public void replaceRoles(Set<String> newRoles, Instant now) {
        roles = new TreeSet<>(newRoles);
        updatedAt = now;
    }

    public boolean canTransact() {
        return status.canTransact() && level.atLeast(VerificationLevel.L1);
    }

    private void requireOpen() {
        if (status == AccountStatus.CLOSED) {
            throw new AccountStateException("account is closed");
        }
    }

    public UUID id() {
        return id;
    }

    public AccountType type() {
        return type;
    }

    public String displayName() {
        return displayName;
    }

    public Optional<EmailAddress> email() {
        return Optional.ofNullable(email);
    }

    public Optional<PhoneNumber> phone() {
        return Optional.ofNullable(phone);
    }

    public VerificationLevel level() {
        return level;
    }

    public AccountStatus status() {
        return status;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public int version() {
        return version;
    }
}
