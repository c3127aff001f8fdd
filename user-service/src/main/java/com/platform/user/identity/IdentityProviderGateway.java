package com.platform.user.identity;

import org.springframework.stereotype.Component;

/**
 * {@link IdentityProvider} over Feign: the client's read timeout is the time limit, and the circuit breaker
 * Spring Cloud puts around every Feign call fails fast while the provider is down. Anything but a clear MATCH or
 * NO_MATCH is "no answer", never an approval.
 */
@Component
class IdentityProviderGateway implements IdentityProvider {

    private final IdentityProviderClient client;

    IdentityProviderGateway(IdentityProviderClient client) {
        this.client = client;
    }

    @Override
    public Answer verify(String legalName, DocumentType documentType, String documentNumber) {
        IdentityProviderClient.VerificationResponse response;
        try {
            response = client.verify(new IdentityProviderClient.VerificationRequest(legalName, documentType,
                    documentNumber));
        }
        catch (RuntimeException e) {
            throw new IdentityProviderUnavailableException(e);
        }
        if (response == null || response.result() == null) {
            throw new IdentityProviderUnavailableException(null);
        }
        return switch (response.result()) {
            case "MATCH" -> new Answer(IdentityVerification.ProviderResult.MATCH, response.verificationId());
            case "NO_MATCH" -> new Answer(IdentityVerification.ProviderResult.NO_MATCH, response.verificationId());
            default -> throw new IdentityProviderUnavailableException(null);
        };
    }
}
