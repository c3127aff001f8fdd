package com.platform.partner.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.platform.partner.support.RuleViolation;

/**
 * An admitted partner (P3) and its standing (P6): ADMITTED until the first agreement is signed, then ACTIVE;
 * PROBATION (grade C, with a rectification deadline), SUSPENDED (grade D) and TERMINATED (its agreement ended by
 * termination). Every change of status is a {@link StatusChange} the caller publishes; a wrong transition throws.
 * It also tracks its API client (P7): the Keycloak client id and whether it still has to be revoked.
 */
public class Partner {

    public enum ClientState { NONE, ACTIVE, REVOKE_PENDING, REVOKED }

    private final UUID id;
    private final UUID applicationId;
    private final String applicantId;
    private final String companyName;
    private final String creditCode;
    private final PartnerType type;
    private PartnerStatus status;
    private Grade grade;
    private LocalDate probationUntil;
    private final List<Contact> contacts;
    private String clientId;
    private ClientState clientState;
    private final Instant createdAt;
    private Instant updatedAt;

    private Partner(UUID id, UUID applicationId, String applicantId, String companyName, String creditCode,
            PartnerType type, PartnerStatus status, Grade grade, LocalDate probationUntil, List<Contact> contacts,
            String clientId, ClientState clientState, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.applicationId = applicationId;
        this.applicantId = applicantId;
        this.companyName = companyName;
        this.creditCode = creditCode;
        this.type = type;
        this.status = status;
        this.grade = grade;
        this.probationUntil = probationUntil;
        this.contacts = List.copyOf(contacts);
        this.clientId = clientId;
        this.clientState = clientState;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** P3: an approved application becomes a partner, ADMITTED until it signs an agreement. */
    public static Partner admit(UUID applicationId, String applicantId, String companyName, String creditCode,
            PartnerType type, List<Contact> contacts, Instant now) {
        return new Partner(UUID.randomUUID(), applicationId, applicantId, companyName, creditCode, type,
                PartnerStatus.ADMITTED, null, null, contacts, null, ClientState.NONE, now, now);
    }

    public static Partner restore(UUID id, UUID applicationId, String applicantId, String companyName,
            String creditCode, PartnerType type, PartnerStatus status, Grade grade, LocalDate probationUntil,
            List<Contact> contacts, String clientId, ClientState clientState, Instant createdAt, Instant updatedAt) {
        return new Partner(id, applicationId, applicantId, companyName, creditCode, type, status, grade,
                probationUntil, contacts, clientId, clientState, createdAt, updatedAt);
    }

    public record StatusChange(PartnerStatus from, PartnerStatus to, String reason) {
    }

    /** P3/P7: the first signature activates the partner and records its API client. */
    public Optional<StatusChange> signed(String newClientId, Instant now) {
        requireOpen();
        if (newClientId != null) {
            clientId = newClientId;
            clientState = ClientState.ACTIVE;
        }
        if (status == PartnerStatus.ADMITTED) {
            return Optional.of(move(PartnerStatus.ACTIVE, "first agreement signed", now));
        }
        updatedAt = now;
        return Optional.empty();
    }

    /** P6 grade C: probation with a rectification deadline. */
    public Optional<StatusChange> probation(LocalDate until, String reason, Instant now) {
        requireOpen();
        probationUntil = until;
        if (status == PartnerStatus.PROBATION || status == PartnerStatus.SUSPENDED) {
            updatedAt = now;
            return Optional.empty();
        }
        return Optional.of(move(PartnerStatus.PROBATION, reason, now));
    }

    /** P6 grade A or B: a partner on probation that has recovered is active again. */
    public Optional<StatusChange> recovered(String reason, Instant now) {
        if (status != PartnerStatus.PROBATION) {
            return Optional.empty();
        }
        probationUntil = null;
        return Optional.of(move(PartnerStatus.ACTIVE, reason, now));
    }

    /** P6 grade D: suspended at once (its agreement is terminated per its terms). */
    public Optional<StatusChange> suspend(String reason, Instant now) {
        requireOpen();
        if (status == PartnerStatus.SUSPENDED) {
            return Optional.empty();
        }
        return Optional.of(move(PartnerStatus.SUSPENDED, reason, now));
    }

    /** P4/P7: its agreement ended by termination: the partner is terminated and its API client must go. */
    public Optional<StatusChange> terminate(String reason, Instant now) {
        if (status == PartnerStatus.TERMINATED) {
            return Optional.empty();
        }
        if (clientState == ClientState.ACTIVE) {
            clientState = ClientState.REVOKE_PENDING;
        }
        return Optional.of(move(PartnerStatus.TERMINATED, reason, now));
    }

    public void clientRevoked(Instant now) {
        clientState = ClientState.REVOKED;
        updatedAt = now;
    }

    public void graded(Grade newGrade, Instant now) {
        grade = newGrade;
        updatedAt = now;
    }

    /** Whether the current grade allows a new agreement after the first one (P6: renewal only for A and B). */
    public boolean mayRenew() {
        return grade == null || grade.allowsRenewal();
    }

    private void requireOpen() {
        if (status == PartnerStatus.TERMINATED) {
            throw RuleViolation.conflict("PARTNER_TERMINATED", "The partner is terminated.");
        }
    }

    private StatusChange move(PartnerStatus to, String reason, Instant now) {
        StatusChange change = new StatusChange(status, to, reason);
        status = to;
        updatedAt = now;
        return change;
    }

    public UUID id() { return id; }
    public UUID applicationId() { return applicationId; }
    public String applicantId() { return applicantId; }
    public String companyName() { return companyName; }
    public String creditCode() { return creditCode; }
    public PartnerType type() { return type; }
    public PartnerStatus status() { return status; }
    public Grade grade() { return grade; }
    public LocalDate probationUntil() { return probationUntil; }
    public List<Contact> contacts() { return contacts; }
    public String clientId() { return clientId; }
    public ClientState clientState() { return clientState; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
