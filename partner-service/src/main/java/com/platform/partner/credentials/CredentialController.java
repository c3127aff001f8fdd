package com.platform.partner.credentials;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** P7: a new client secret for the partner (the old one stops working); shown once. */
@RestController
class CredentialController {

    private final CredentialService credentials;

    CredentialController(CredentialService credentials) {
        this.credentials = credentials;
    }

    @PostMapping("/api/v1/partners/{id}/credentials/rotation")
    @PreAuthorize("hasAnyRole('partner', 'enterprise', 'admin')")
    PartnerClients.Credentials rotate(@PathVariable UUID id) {
        return credentials.rotate(id);
    }
}
