package com.platform.user.support;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.platform.user.directory.DirectoryConflictException;
import com.platform.user.directory.DirectoryUnavailableException;
import com.platform.user.directory.UserDirectory;

/**
 * Keycloak's user store as the service sees it through {@link UserDirectory}, kept in memory so that integration
 * tests can look at what the service did to logins and can make "Keycloak" fail. The real adapter
 * ({@code KeycloakUserDirectory}) runs against the real Keycloak in the e2e-tests module.
 */
public class InMemoryUserDirectory implements UserDirectory {

    public static final class Login {
        public volatile String username;
        public volatile String email;
        public volatile boolean enabled;
        public volatile boolean hasPassword;
        public volatile Instant createdAt;
        public final Set<String> roles = ConcurrentHashMap.newKeySet();
    }

    private final Map<UUID, Login> logins = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Map<UUID, Runnable> beforeDeleting = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile boolean loseNextRoleChangeAnswer;
    private final java.util.concurrent.atomic.AtomicInteger roleChangesToRefuse = new java.util.concurrent.atomic.AtomicInteger();

    public InMemoryUserDirectory(Clock clock) {
        this.clock = clock;
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
        loseNextRoleChangeAnswer = false;
        roleChangesToRefuse.set(0);
    }

    /** The next {@code count} role changes fail without being applied (reads still work). */
    public void refuseRoleChanges(int count) {
        roleChangesToRefuse.set(count);
    }

    /** The next role change is applied, but the service gets a failure instead of the answer (a lost response). */
    public void loseNextRoleChangeAnswer() {
        loseNextRoleChangeAnswer = true;
    }

    public Login login(UUID id) {
        return logins.get(id);
    }

    public boolean exists(UUID id) {
        return logins.containsKey(id);
    }

    /** A staff or other login that exists only in Keycloak. */
    public UUID addLogin(String username, String... roles) {
        UUID id = UUID.randomUUID();
        Login login = new Login();
        login.username = username;
        login.enabled = true;
        login.createdAt = clock.instant();
        login.roles.addAll(List.of(roles));
        logins.put(id, login);
        return id;
    }

    /** Runs {@code action} once, when the service next deletes this login, just before the deletion. */
    public void beforeDeleting(UUID id, Runnable action) {
        beforeDeleting.put(id, action);
    }

    public void reset() {
        logins.clear();
        beforeDeleting.clear();
        down = false;
    }

    @Override
    public UUID create(NewLogin newLogin) {
        check();
        boolean taken = logins.values().stream().anyMatch(l -> newLogin.username().equals(l.username)
                || (newLogin.email() != null && newLogin.email().equals(l.email)));
        if (taken) {
            throw new DirectoryConflictException();
        }
        Login login = new Login();
        login.username = newLogin.username();
        login.email = newLogin.email();
        login.hasPassword = newLogin.password() != null && !newLogin.password().isEmpty();
        login.roles.addAll(newLogin.realmRoles());
        login.createdAt = clock.instant();
        UUID id = UUID.randomUUID();
        logins.put(id, login);
        return id;
    }

    @Override
    public Optional<ExistingLogin> findByUsername(String username) {
        check();
        return logins.entrySet().stream().filter(e -> username.equalsIgnoreCase(e.getValue().username)).findFirst()
                .map(e -> new ExistingLogin(e.getKey(), e.getValue().enabled, e.getValue().createdAt));
    }

    @Override
    public void setEnabled(UUID userId, boolean enabled) {
        check();
        Optional.ofNullable(logins.get(userId)).ifPresent(l -> l.enabled = enabled);
    }

    @Override
    public void delete(UUID userId) {
        check();
        Runnable action = beforeDeleting.remove(userId);
        if (action != null) {
            action.run();
        }
        logins.remove(userId);
    }

    @Override
    public void anonymise(UUID userId) {
        check();
        Optional.ofNullable(logins.get(userId)).ifPresent(l -> {
            l.username = "closed-" + userId;
            l.email = null;
            l.enabled = false;
            l.hasPassword = false;
        });
    }

    @Override
    public Optional<Set<String>> realmRoles(UUID userId) {
        check();
        return Optional.ofNullable(logins.get(userId)).map(l -> Set.copyOf(l.roles));
    }

    @Override
    public void changeRoles(UUID userId, Set<String> add, Set<String> remove) {
        check();
        if (roleChangesToRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DirectoryUnavailableException(new IllegalStateException("role change refused (test)"));
        }
        Login login = logins.get(userId);
        login.roles.addAll(add);
        login.roles.removeAll(remove);
        if (loseNextRoleChangeAnswer) {
            loseNextRoleChangeAnswer = false;
            throw new DirectoryUnavailableException(new IllegalStateException("answer lost (test)"));
        }
    }

    @Override
    public List<RoleHolder> holdersOf(String role) {
        check();
        List<RoleHolder> holders = new ArrayList<>();
        logins.forEach((id, l) -> {
            if (l.roles.contains(role)) {
                holders.add(new RoleHolder(id, l.username));
            }
        });
        holders.sort((a, b) -> a.username().compareTo(b.username()));
        return holders;
    }

    public Set<String> rolesOf(UUID id) {
        return new TreeSet<>(logins.get(id).roles);
    }

    private void check() {
        if (down) {
            throw new DirectoryUnavailableException(new IllegalStateException("directory down (test)"));
        }
    }
}
