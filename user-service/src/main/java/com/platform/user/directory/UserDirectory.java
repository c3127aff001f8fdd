package com.platform.user.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The identity provider's view of people (U2, U6): where they log in, with which realm roles, and whether they
 * may. Passwords go here and nowhere else. Implemented against Keycloak's admin API by
 * {@link KeycloakUserDirectory}; every method either succeeds, throws {@link DirectoryConflictException} (the
 * username is taken there) or {@link DirectoryUnavailableException}.
 */
public interface UserDirectory {

    /** A new login, disabled until its contact is verified. Returns the Keycloak user id. */
    UUID create(NewLogin login);

    record NewLogin(String username, String email, String password, Set<String> realmRoles) {

        @Override
        public String toString() {
            return "NewLogin[****]";
        }
    }

    record ExistingLogin(UUID userId, boolean enabled, Instant createdAt) {
    }

    /** The login whose username is exactly this one, if there is one. */
    Optional<ExistingLogin> findByUsername(String username);

    /** Lets the person log in (contact verified, penalty over) or stops them (suspended, banned). Idempotent. */
    void setEnabled(UUID userId, boolean enabled);

    /** Removes a login that never got verified. Unknown ids (already gone) are fine; a refusal is a failure. */
    void delete(UUID userId);

    /** Keeps the login, disabled, without the username, e-mail or attributes that identified the person (U7). */
    void anonymise(UUID userId);

    Optional<Set<String>> realmRoles(UUID userId);

    /** Adds and removes realm roles; roles already in the wanted state are left alone. */
    void changeRoles(UUID userId, Set<String> add, Set<String> remove);

    record RoleHolder(UUID userId, String username) {
    }

    /** Every user holding the role directly. */
    List<RoleHolder> holdersOf(String role);
}
