package com.platform.user.identity;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The identity provider's HTTP API (a third party; WireMock stands in for it locally and in tests). */
@FeignClient(name = "identity-provider", url = "${user.identity-provider.base-url}")
interface IdentityProviderClient {

    record VerificationRequest(String legalName, DocumentType documentType, String documentNumber) {

        @Override
        public String toString() {
            return "VerificationRequest[" + documentType + "]";
        }
    }

    record VerificationResponse(String verificationId, String result) {
    }

    @PostMapping(path = "/identity/v1/verifications", consumes = "application/json")
    VerificationResponse verify(@RequestBody VerificationRequest request);
}
