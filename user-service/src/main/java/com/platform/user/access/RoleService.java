package com.platform.user.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.starter.audit.AuditTrail;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.security.CurrentCaller;
import com.platform.user.account.UserAccount;
import com.platform.user.account.UserAccounts;
import com.platform.user.account.UserEvents;
import com.platform.user.directory.DirectoryUnavailableException;
import com.platform.user.directory.UserDirectory;

/**
 * U6: realm roles live in Keycloak. A change (an admin's, or an access review's revocation) is first recorded as a
 * PENDING {@link RoleChange} in the same transaction as its audit entry, then applied in Keycloak, then completed
 * (the account's copy of its roles, the event). Keycloak never holds a change without its audit entry: if the
 * call fails or its answer is lost, the change stays PENDING and {@link #applyPending} applies it when Keycloak is
 * back, unless a newer change for the same person superseded it. Nobody changes their own roles.
 */
@Service
public class RoleService {

    private static final Logger log = LoggerFactory.getLogger(RoleService.class);

    private final UserDirectory directory;
    private final UserAccounts accounts;
    private final RoleChanges changes;
    private final UserEvents events;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RoleService(UserDirectory directory, UserAccounts accounts, RoleChanges changes, UserEvents events,
            AuditTrail audit, TransactionTemplate transaction, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.changes = changes;
        this.events = events;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a change will do, computed from the roles Keycloak holds now (a remote read, before any transaction). */
    record Plan(UUID userId, Set<String> before, Set<String> add, Set<String> remove, Set<String> after,
            String reason) {

        boolean changesSomething() {
            return !add.isEmpty() || !remove.isEmpty();
        }
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
        Plan plan = plan(userId, current, add, remove, reason);
        if (plan.changesSomething()) {
            Intent intent = transaction.execute(status -> {
                Intent recorded = recordIntent(plan);
                auditIntent(recorded, plan);
                return recorded;
            });
            apply(intent.change());
        }
        return plan.after();
    }

    /** An access review's REVOKE: the plan to take one role away (nothing to do if it is gone already). */
    Plan planRevoke(UUID userId, String role, String reason) {
        Set<String> current = currentRoles(userId);
        return plan(userId, current, Set.of(), current.contains(role) ? Set.of(role) : Set.of(), reason);
    }

    /** A recorded change and the pending ones it superseded. */
    record Intent(RoleChange change, List<UUID> supersedes) {
    }

    /**
     * In the caller's transaction: locks the account row (the first lock, as everywhere) and records the change
     * as PENDING, superseding the person's older pending ones. The caller writes {@link #auditIntent} last.
     */
    Intent recordIntent(Plan plan) {
        accounts.findForUpdate(plan.userId());
        List<UUID> superseded = changes.supersedePending(plan.userId());
        RoleChange change = RoleChange.request(plan.userId(), plan.add(), plan.remove(), plan.after(), plan.reason(),
                CurrentCaller.get().actor(), clock.instant());
        changes.insert(change);
        return new Intent(change, superseded);
    }

    /** The audit entry of a recorded change, in the same transaction as {@link #recordIntent}. */
    void auditIntent(Intent intent, Plan plan) {
        audit.record("roles.changed", "user", plan.userId().toString(), Map.of("roles", plan.before()),
                Map.of("roles", plan.after(), "reason", plan.reason(), "changeId", intent.change().id(),
                        "supersedes", intent.supersedes()));
    }

    /** Applies a recorded change in Keycloak and completes it; a Keycloak failure leaves it PENDING for the job. */
    void apply(RoleChange change) {
        directory.changeRoles(change.userId(), change.added(), change.removed());
        complete(change);
    }

    /** The role-change job: pending changes whose lease ended are applied again. @return how many completed */
    public int applyPending() {
        int completed = 0;
        for (UUID id : changes.dueForRetry(clock.instant(), 50)) {
            RoleChange claimed = transaction.execute(status -> changes.findForUpdate(id)
                    .filter(c -> c.claimRetry(clock.instant()))
                    .map(c -> {
                        changes.update(c);
                        return c;
                    })
                    .orElse(null));
            if (claimed == null) {
                continue;
            }
            try {
                apply(claimed);
                completed++;
            }
            catch (DirectoryUnavailableException e) {
                log.warn("Role change {} not applied in Keycloak yet", id);
            }
        }
        return completed;
    }

    record RolesChanged(UUID userId, Set<String> added, Set<String> removed, Set<String> roles, String reason,
            Instant occurredAt) {
    }

    private void complete(RoleChange applied) {
        UUID userId = applied.userId();
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            // lock order: the account row first, then the change
            Optional<UserAccount> account = accounts.findForUpdate(userId);
            RoleChange change = changes.findForUpdate(applied.id()).orElseThrow();
            if (!change.applied(now)) {
                // superseded meanwhile: the newer change records the roles
                return;
            }
            changes.update(change);
            account.ifPresent(a -> {
                a.replaceRoles(change.roles(), now);
                accounts.update(a);
            });
            events.publish(userId, UserEvents.ROLES_CHANGED,
                    new RolesChanged(userId, change.added(), change.removed(), change.roles(), change.reason(), now));
        });
    }

    private static Plan plan(UUID userId, Set<String> current, Set<String> add, Set<String> remove, String reason) {
        Set<String> before = new TreeSet<>(current);
        before.retainAll(RealmRoles.ASSIGNABLE);
        Set<String> after = new TreeSet<>(current);
        after.addAll(add);
        after.removeAll(remove);
        after.retainAll(RealmRoles.ASSIGNABLE);
        return new Plan(userId, before, Set.copyOf(add), Set.copyOf(remove), after, reason);
    }

    private Set<String> currentRoles(UUID userId) {
        if (CurrentCaller.get().subject().equals(userId.toString())) {
            throw new PlatformException(HttpStatus.FORBIDDEN, "SELF_ROLE_CHANGE",
                    "Nobody may change their own roles; ask another admin.");
        }
        return directory.realmRoles(userId).orElseThrow(() ->
                PlatformException.notFound("USER_NOT_FOUND", "No such user"));
    }
}
