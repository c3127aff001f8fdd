package com.platform.user.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;
import com.platform.user.directory.UserDirectory;

/**
 * U6: realm roles live in Keycloak; this applies an admin's change there first (so a failure changes nothing),
 * then records it (the account's copy of its roles, the event, the audit entry). Nobody changes their own roles.
 */
@Service
public class RoleService {

    private final UserDirectory directory;
    private final UserAccounts accounts;
    private final UserEvents events;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RoleService(UserDirectory directory, UserAccounts accounts, UserEvents events, AuditTrail audit,
            TransactionTemplate transaction, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.events = events;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Makes the user's assignable roles exactly {@code wanted}; other realm roles are left alone. */
    public Set<String> replace(UUID userId, Set<String> wanted, String reason) {
        Set<String> unknown = new TreeSet<>(wanted);
        unknown.removeAll(RealmRoles.ASSIGNABLE);
        if (!unknown.isEmpty()) {
            throw PlatformException.invalidField("roles", "may only contain " + new TreeSet<>(RealmRoles.ASSIGNABLE));
        }
        Set<String> current = currentRoles(userId);
        Set<String> add = new TreeSet<>(wanted);
        add.removeAll(current);
        Set<String> remove = new TreeSet<>(current);
        remove.retainAll(RealmRoles.ASSIGNABLE);
        remove.removeAll(wanted);
        return apply(userId, current, add, remove, reason);
    }

    /** Takes one role away (an access review's REVOKE). */
    public Set<String> revoke(UUID userId, String role, String reason) {
        Set<String> current = currentRoles(userId);
        return apply(userId, current, Set.of(), current.contains(role) ? Set.of(role) : Set.of(), reason);
    }

    private Set<String> currentRoles(UUID userId) {
        if (CurrentCaller.get().subject().equals(userId.toString())) {
            throw new PlatformException(HttpStatus.FORBIDDEN, "SELF_ROLE_CHANGE",
                    "Nobody may change their own roles; ask another admin.");
        }
        return directory.realmRoles(userId).orElseThrow(() ->
                PlatformException.notFound("USER_NOT_FOUND", "No such user"));
    }

    record RolesChanged(UUID userId, Set<String> added, Set<String> removed, Set<String> roles, String reason,
            Instant occurredAt) {
    }

    private Set<String> apply(UUID userId, Set<String> current, Set<String> add, Set<String> remove, String reason) {
        Set<String> after = new TreeSet<>(current);
        after.addAll(add);
        after.removeAll(remove);
        if (add.isEmpty() && remove.isEmpty()) {
            return after;
        }
        directory.changeRoles(userId, add, remove);
        Set<String> platformRoles = new TreeSet<>(after);
        platformRoles.retainAll(RealmRoles.ASSIGNABLE);
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            accounts.findForUpdate(userId).ifPresent(account -> {
                account.replaceRoles(platformRoles, now);
                accounts.update(account);
            });
            events.publish(userId, UserEvents.ROLES_CHANGED,
                    new RolesChanged(userId, add, remove, platformRoles, reason, now));
            Set<String> before = new TreeSet<>(current);
            before.retainAll(RealmRoles.ASSIGNABLE);
            audit.record("roles.changed", "user", userId.toString(), Map.of("roles", before),
                    Map.of("roles", platformRoles, "reason", reason));
        });
        return platformRoles;
    }
}
