package com.platform.user.identity;

/**
 * The external identity-verification provider (U4), as this service needs it. {@link IdentityProviderGateway}
 * calls it over HTTP.
 */
public interface IdentityProvider {

    record Answer(IdentityVerification.ProviderResult result, String reference) {
    }

    /** @throws IdentityProviderUnavailableException when there is no answer (down, slow, 5xx, circuit open) */
    Answer verify(String legalName, DocumentType documentType, String documentNumber);

    class IdentityProviderUnavailableException extends RuntimeException {

        public IdentityProviderUnavailableException(Throwable cause) {
            super("identity provider unavailable", cause);
        }
    }
}
