package com.platform.partner.credentials;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;

/**
 * {@link PartnerClients} on Keycloak's admin REST API through the official admin client, signed in as
 * partner-service's own service account (the realm grants it manage-clients and the user-role mapping rights to
 * give the client's service account the {@code partner} role). Every call runs behind the {@code keycloak}
 * circuit breaker and the client's timeouts, as user-service does.
 */
public class KeycloakPartnerClients implements PartnerClients {

    private static final Logger log = LoggerFactory.getLogger(KeycloakPartnerClients.class);
    static final String PARTNER_ROLE = "partner";

    private final Keycloak keycloak;
    private final String realm;
    private final String audience;
    private final CircuitBreaker breaker;

    public KeycloakPartnerClients(Keycloak keycloak, String realm, String audience,
            CircuitBreakerFactory<?, ?> breakers) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.audience = audience;
        this.breaker = breakers.create("keycloak");
    }

    @Override
    public Credentials create(UUID partnerId) {
        String clientId = PartnerClients.clientIdOf(partnerId);
        return call(() -> {
            String internalId = findInternalId(clientId);
            if (internalId == null) {
                try (Response response = realm().clients().create(representation(clientId, partnerId))) {
                    if (response.getStatus() != Response.Status.CREATED.getStatusCode()
                            && response.getStatus() != Response.Status.CONFLICT.getStatusCode()) {
                        throw new IllegalStateException("Keycloak answered " + response.getStatus()
                                + " to a client creation");
                    }
                }
                internalId = findInternalId(clientId);
                if (internalId == null) {
                    throw new IllegalStateException("created client not found");
                }
            }
            ClientResource client = realm().clients().get(internalId);
            ClientRepresentation current = client.toRepresentation();
            if (!Boolean.TRUE.equals(current.isEnabled())) {
                current.setEnabled(true);
                client.update(current);
            }
            UserRepresentation serviceAccount = client.getServiceAccountUser();
            RoleRepresentation partnerRole = realm().roles().get(PARTNER_ROLE).toRepresentation();
            var mappings = realm().users().get(serviceAccount.getId()).roles().realmLevel();
            if (mappings.listEffective().stream().noneMatch(r -> PARTNER_ROLE.equals(r.getName()))) {
                mappings.add(List.of(partnerRole));
            }
            return new Credentials(clientId, client.generateNewSecret().getValue());
        });
    }

    @Override
    public Credentials rotate(String clientId) {
        return call(() -> {
            String internalId = findInternalId(clientId);
            if (internalId == null) {
                throw new NotFoundException("no client " + clientId);
            }
            return new Credentials(clientId, realm().clients().get(internalId).generateNewSecret().getValue());
        });
    }

    @Override
    public void delete(String clientId) {
        call(() -> {
            String internalId = findInternalId(clientId);
            if (internalId != null) {
                try {
                    realm().clients().get(internalId).remove();
                }
                catch (NotFoundException e) {
                    // already gone: what we want
                }
            }
            return null;
        });
    }

    ClientRepresentation representation(String clientId, UUID partnerId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName("Partner system " + partnerId);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setProtocolMappers(List.of(
                mapper("platform-api audience", "oidc-audience-mapper", Map.of(
                        "included.custom.audience", audience,
                        "access.token.claim", "true",
                        "id.token.claim", "false",
                        "introspection.token.claim", "true")),
                mapper("partner_id", "oidc-hardcoded-claim-mapper", Map.of(
                        "claim.name", "partner_id",
                        "claim.value", partnerId.toString(),
                        "jsonType.label", "String",
                        "access.token.claim", "true",
                        "id.token.claim", "false",
                        "userinfo.token.claim", "false",
                        "introspection.token.claim", "true"))));
        return client;
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }

    private String findInternalId(String clientId) {
        return realm().clients().findByClientId(clientId).stream()
                .filter(c -> clientId.equals(c.getClientId()))
                .map(ClientRepresentation::getId)
                .findFirst().orElse(null);
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private <T> T call(Supplier<T> action) {
        try {
            return breaker.run(action, failure -> {
                // Keycloak's messages name the HTTP status or the connection problem, never a secret
                log.warn("Keycloak admin call failed: {}: {}", failure.getClass().getSimpleName(),
                        failure.getMessage());
                throw new PartnerClientsUnavailableException(failure);
            });
        }
        catch (PartnerClientsUnavailableException e) {
            throw e;
        }
        catch (ProcessingException | WebApplicationException | IllegalStateException e) {
            throw new PartnerClientsUnavailableException(e);
        }
    }
}
