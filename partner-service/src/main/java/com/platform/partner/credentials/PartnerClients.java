package com.platform.partner.credentials;

import java.util.UUID;

/**
 * P7: partner systems' OAuth2 clients in the identity provider. A client is confidential, its service account
 * holds the realm role {@code partner}, and its tokens carry the {@code partner_id} claim fixed to the partner and
 * the {@code platform-api} audience. Implemented on Keycloak's admin API by {@link KeycloakPartnerClients}; every
 * method either succeeds or throws {@link PartnerClientsUnavailableException}.
 */
public interface PartnerClients {

    record Credentials(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "Credentials[" + clientId + ", ****]";
        }
    }

    /** The client id of a partner: stable, so a retried creation finds the client an earlier attempt made. */
    static String clientIdOf(UUID partnerId) {
        return "partner-" + partnerId;
    }

    /**
     * Creates the partner's client, or, if it already exists (an earlier attempt), enables it and issues a new
     * secret. Returns the only copy of the secret.
     */
    Credentials create(UUID partnerId);

    /** A new secret; the old one stops working at once. */
    Credentials rotate(String clientId);

    /** Removes the client (its tokens stop being issued). An unknown client is fine. */
    void delete(String clientId);

    class PartnerClientsUnavailableException extends RuntimeException {

        public PartnerClientsUnavailableException(Throwable cause) {
            super("identity provider unavailable", cause);
        }
    }
}
