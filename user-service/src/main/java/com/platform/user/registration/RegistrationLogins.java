package com.platform.user.registration;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.platform.user.account.AccountType;
import com.platform.user.account.UserAccounts;
import com.platform.user.directory.DirectoryConflictException;
import com.platform.user.directory.UserDirectory;
import com.platform.user.directory.UserDirectory.ExistingLogin;

/**
 * The Keycloak side of a registration. The login is created before our transaction (its id becomes the
 * account's id) and removed again when that transaction fails. If the removal fails too, the login is left
 * behind, disabled and without an account; it would hold the contact forever, so the next registration with
 * that contact removes it first ({@link #isAbandoned}) instead of answering "taken".
 */
@Component
class RegistrationLogins {

    private static final Logger log = LoggerFactory.getLogger(RegistrationLogins.class);

    /** A registration commits within seconds of creating its login; younger logins may still be in flight. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(10);

    private static final Set<String> REGISTRATION_ROLES = Set.of(AccountType.PERSON.realmRole(),
            AccountType.ENTERPRISE.realmRole());

    private final UserDirectory directory;
    private final UserAccounts accounts;
    private final Clock clock;

    RegistrationLogins(UserDirectory directory, UserAccounts accounts, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The new login's id; {@link DirectoryConflictException} when somebody holds the username. */
    UUID create(UserDirectory.NewLogin login) {
        try {
            return directory.create(login);
        }
        catch (DirectoryConflictException taken) {
            Optional<ExistingLogin> existing = directory.findByUsername(login.username());
            if (existing.isEmpty() || !isAbandoned(existing.get())) {
                throw taken;
            }
            directory.delete(existing.get().userId());
            log.info("Removed Keycloak login {} left behind by a failed registration", existing.get().userId());
            return directory.create(login);
        }
    }

    /**
     * Left behind by a failed registration: disabled, past the in-flight window, no account here, and holding
     * no role other than the ones registration gives (a disabled staff login made in Keycloak is never touched).
     */
    private boolean isAbandoned(ExistingLogin login) {
        return !login.enabled()
                && login.createdAt().isBefore(clock.instant().minus(IN_FLIGHT))
                && accounts.find(login.userId()).isEmpty()
                && directory.realmRoles(login.userId()).map(RegistrationLogins::onlyRegistrationRoles).orElse(false);
    }

    private static boolean onlyRegistrationRoles(Set<String> roles) {
        // Keycloak maps its default-roles-<realm> composite to every new user
        return roles.stream().anyMatch(REGISTRATION_ROLES::contains)
                && roles.stream().allMatch(role -> REGISTRATION_ROLES.contains(role) || role.startsWith("default-roles-"));
    }

    /** Undoes {@link #create} after our transaction failed; a failure leaves the login for the next attempt. */
    void remove(UUID userId) {
        try {
            directory.delete(userId);
        }
        catch (RuntimeException e) {
            log.warn("Keycloak login {} outlived its failed registration; a new registration with the same "
                    + "contact removes it", userId);
        }
    }
}
