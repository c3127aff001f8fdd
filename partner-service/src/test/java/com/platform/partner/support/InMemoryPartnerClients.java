package com.platform.partner.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.platform.partner.credentials.PartnerClients;

/**
 * Keycloak's clients in the module's tests (Keycloak itself does not run here; {@code KeycloakPartnerClientsTests}
 * checks the adapter's calls against a stand-in of the admin API and e2e-tests against the real server). Keeps the
 * current secret of each client, so tests can tell a rotated secret from the old one, and can be "down".
 */
public class InMemoryPartnerClients implements PartnerClients {

    public record Client(UUID partnerId, String secret, boolean partnerRole) {
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();

    @Override
    public Credentials create(UUID partnerId) {
        failIfDown();
        String clientId = PartnerClients.clientIdOf(partnerId);
        String secret = UUID.randomUUID().toString();
        clients.put(clientId, new Client(partnerId, secret, true));
        return new Credentials(clientId, secret);
    }

    @Override
    public Credentials rotate(String clientId) {
        failIfDown();
        Client client = clients.get(clientId);
        if (client == null) {
            throw new PartnerClientsUnavailableException(new IllegalStateException("no client"));
        }
        String secret = UUID.randomUUID().toString();
        clients.put(clientId, new Client(client.partnerId(), secret, client.partnerRole()));
        return new Credentials(clientId, secret);
    }

    @Override
    public void delete(String clientId) {
        failIfDown();
        clients.remove(clientId);
    }

    /** Whether the secret is the client's current one (what Keycloak's token endpoint would accept). */
    public boolean accepts(String clientId, String secret) {
        Client client = clients.get(clientId);
        return client != null && client.secret().equals(secret);
    }

    public boolean exists(String clientId) {
        return clients.containsKey(clientId);
    }

    public void goDown() {
        down.set(true);
    }

    public void comeBack() {
        down.set(false);
    }

    private void failIfDown() {
        if (down.get()) {
            throw new PartnerClientsUnavailableException(new IllegalStateException("Keycloak down"));
        }
    }
}
