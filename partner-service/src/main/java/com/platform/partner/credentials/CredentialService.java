package com.platform.partner.credentials;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.platform.partner.partner.Partner;
import com.platform.partner.partner.PartnerAccess;
import com.platform.partner.partner.Partners;
import com.platform.partner.support.RuleViolation;
import com.platform.starter.audit.AuditTrail;

/**
 * P7: rotation of a partner's client secret (the partner itself or an admin) and revocation of the client once a
 * termination took effect. Keycloak is called outside database transactions; a revocation Keycloak did not confirm
 * stays REVOKE_PENDING and the job tries again.
 */
@Service
public class CredentialService {

    private static final Logger log = LoggerFactory.getLogger(CredentialService.class);

    private final Partners partners;
    private final PartnerClients clients;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CredentialService(Partners partners, PartnerClients clients, AuditTrail audit, TransactionTemplate transaction,
            Clock clock) {
        this.partners = partners;
        this.clients = clients;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public PartnerClients.Credentials rotate(UUID partnerId) {
        Partner partner = PartnerAccess.requireOwnOr(partners.get(partnerId), "admin");
        if (partner.clientState() != Partner.ClientState.ACTIVE) {
            throw RuleViolation.conflict("NO_ACTIVE_CLIENT", "The partner has no active API client.");
        }
        PartnerClients.Credentials credentials = unavailableAs503(() -> clients.rotate(partner.clientId()));
        transaction.executeWithoutResult(status -> {
            partners.getForUpdate(partnerId);
            audit.record("partner.credentials-rotated", "partner", partnerId.toString(), null,
                    Map.of("clientId", credentials.clientId()));
        });
        return credentials;
    }

    /** Removes the clients of terminated partners that Keycloak has not confirmed yet; returns how many. */
    public int revokePending() {
        int revoked = 0;
        for (UUID partnerId : partners.awaitingRevocation(20)) {
            if (revoke(partnerId)) {
                revoked++;
            }
        }
        return revoked;
    }

    /** Revokes one partner's client if its termination left it pending; false if Keycloak did not answer. */
    public boolean revoke(UUID partnerId) {
        Partner partner = partners.get(partnerId);
        if (partner.clientState() != Partner.ClientState.REVOKE_PENDING) {
            return false;
        }
        try {
            clients.delete(partner.clientId());
        }
        catch (PartnerClients.PartnerClientsUnavailableException e) {
            log.warn("Client of partner {} not revoked yet; will retry", partnerId);
            return false;
        }
        transaction.executeWithoutResult(status -> {
            Partner locked = partners.getForUpdate(partnerId);
            if (locked.clientState() == Partner.ClientState.REVOKE_PENDING) {
                locked.clientRevoked(clock.instant());
                partners.update(locked);
                audit.recordAs("system:credential-revocation", "partner.credentials-revoked", "partner",
                        partnerId.toString(), Map.of("clientState", "REVOKE_PENDING"),
                        Map.of("clientState", "REVOKED", "clientId", locked.clientId()));
            }
        });
        return true;
    }

    static <T> T unavailableAs503(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        }
        catch (PartnerClients.PartnerClientsUnavailableException e) {
            throw new RuleViolation(RuleViolation.Kind.UNAVAILABLE, "IDENTITY_PROVIDER_UNAVAILABLE",
                    "The identity provider is unavailable; try again shortly.");
        }
    }
}
