package com.platform.user.access;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.platform.user.text.FreeText;

/** U6: admins set a person's realm roles (applied in Keycloak). */
@RestController
class RoleController {

    private final RoleService roles;

    RoleController(RoleService roles) {
        this.roles = roles;
    }

    record RolesRequest(
            @NotNull @Size(max = 10) Set<@NotNull @Pattern(regexp = "[a-z_]{1,32}") String> roles,
            @Size(max = 500) @FreeText String reason) {
    }

    record RolesView(UUID userId, Set<String> roles) {
    }

    @PutMapping("/api/v1/users/{id}/roles")
    @PreAuthorize("hasRole('admin')")
    RolesView replace(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return new RolesView(id, roles.replace(id, request.roles(),
                request.reason() == null ? "set by admin" : request.reason()));
    }
}
