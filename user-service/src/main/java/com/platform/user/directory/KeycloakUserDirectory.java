package com.platform.user.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;

/**
 * {@link UserDirectory} on Keycloak's admin REST API through the official admin client, authenticated as
 * user-service's own service account (client credentials; the realm grants it manage-users). Every call runs
 * behind the {@code keycloak} circuit breaker and the client's connect/read timeouts, so a slow Keycloak gives a
 * quick 503 instead of piling up requests.
 */
public class KeycloakUserDirectory implements UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUserDirectory.class);

    private final Keycloak keycloak;
    private final String realm;
    private final CircuitBreaker breaker;

    public KeycloakUserDirectory(Keycloak keycloak, String realm, CircuitBreakerFactory<?, ?> breakers) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.breaker = breakers.create("keycloak");
    }

    @Override
    public UUID create(NewLogin login) {
        return call(() -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(login.username());
            user.setEmail(login.email());
            user.setEmailVerified(false);
            user.setEnabled(false);
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(login.password());
            password.setTemporary(false);
            user.setCredentials(List.of(password));
            UUID id;
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new DirectoryConflictException();
                }
                if (response.getStatus() == Response.Status.BAD_REQUEST.getStatusCode()) {
                    // the realm's password policy (length, history, ...) refused it
                    throw new PasswordRejectedException();
                }
                id = UUID.fromString(CreatedResponseUtil.getCreatedId(response));
            }
            try {
                realm().users().get(id.toString()).roles().realmLevel().add(roles(login.realmRoles()));
            }
            catch (RuntimeException e) {
                realm().users().delete(id.toString()).close();
                throw e;
            }
            return id;
        });
    }

    @Override
    public Optional<ExistingLogin> findByUsername(String username) {
        return call(() -> realm().users().searchByUsername(username, true).stream()
                .filter(user -> username.equalsIgnoreCase(user.getUsername()))
                .findFirst()
                .map(user -> new ExistingLogin(UUID.fromString(user.getId()), Boolean.TRUE.equals(user.isEnabled()),
                        // no creation time (imported users): treat as new, so it is never taken for a left-over
                        user.getCreatedTimestamp() == null ? Instant.now()
                                : Instant.ofEpochMilli(user.getCreatedTimestamp()))));
    }

    @Override
    public void setEnabled(UUID userId, boolean enabled) {
        run(() -> {
            UserResource resource = realm().users().get(userId.toString());
            UserRepresentation user = resource.toRepresentation();
            if (Boolean.TRUE.equals(user.isEnabled()) == enabled) {
                return;
            }
            user.setEnabled(enabled);
            if (enabled && user.getEmail() != null) {
                user.setEmailVerified(true);
            }
            resource.update(user);
            if (!enabled) {
                // end open sessions too, so a suspension takes effect before the access token expires
                resource.logout();
            }
        });
    }

    @Override
    public void delete(UUID userId) {
        run(() -> {
            try (Response response = realm().users().delete(userId.toString())) {
                int status = response.getStatus();
                // 404 means already gone, which is what we want; anything else but 2xx is not a deletion
                if (status != Response.Status.NOT_FOUND.getStatusCode()
                        && response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                    throw new IllegalStateException("Keycloak answered " + status + " to a user deletion");
                }
            }
        });
    }

    @Override
    public void anonymise(UUID userId) {
        run(() -> {
            UserResource resource = realm().users().get(userId.toString());
            UserRepresentation user;
            try {
                user = resource.toRepresentation();
            }
            catch (NotFoundException e) {
                return;
            }
            user.setUsername("closed-" + userId);
            user.setEmail(null);
            user.setFirstName(null);
            user.setLastName(null);
            user.setAttributes(Map.of());
            user.setEnabled(false);
            resource.update(user);
            resource.logout();
            resource.credentials().forEach(c -> resource.removeCredential(c.getId()));
        });
    }

    @Override
    public Optional<Set<String>> realmRoles(UUID userId) {
        return call(() -> {
            try {
                List<RoleRepresentation> roles = realm().users().get(userId.toString()).roles().realmLevel()
                        .listAll();
                return Optional.of(Set.copyOf(roles.stream().map(RoleRepresentation::getName).toList()));
            }
            catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void changeRoles(UUID userId, Set<String> add, Set<String> remove) {
        run(() -> {
            var mappings = realm().users().get(userId.toString()).roles().realmLevel();
            if (!add.isEmpty()) {
                mappings.add(roles(add));
            }
            if (!remove.isEmpty()) {
                mappings.remove(roles(remove));
            }
        });
    }

    @Override
    public List<RoleHolder> holdersOf(String role) {
        return call(() -> {
            List<RoleHolder> holders = new ArrayList<>();
            int page = 100;
            for (int first = 0;; first += page) {
                List<UserRepresentation> members = realm().roles().get(role).getUserMembers(first, page);
                members.forEach(u -> holders.add(new RoleHolder(UUID.fromString(u.getId()), u.getUsername())));
                if (members.size() < page) {
                    return holders;
                }
            }
        });
    }

    private List<RoleRepresentation> roles(Set<String> names) {
        return names.stream().map(name -> realm().roles().get(name).toRepresentation()).toList();
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private <T> T call(Supplier<T> action) {
        try {
            return breaker.run(action, failure -> {
                if (failure instanceof DirectoryConflictException conflict) {
                    throw conflict;
                }
                if (failure instanceof PasswordRejectedException rejected) {
                    throw rejected;
                }
                // Keycloak's messages name the HTTP status or the connection problem, never the user
                log.warn("Keycloak admin call failed: {}: {}", failure.getClass().getSimpleName(),
                        failure.getMessage());
                throw new DirectoryUnavailableException(failure);
            });
        }
        catch (DirectoryConflictException | DirectoryUnavailableException | PasswordRejectedException e) {
            throw e;
        }
        catch (ProcessingException | WebApplicationException e) {
            throw new DirectoryUnavailableException(e);
        }
    }
}
