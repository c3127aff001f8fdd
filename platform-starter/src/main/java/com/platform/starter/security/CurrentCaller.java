package com.platform.starter.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the token says: subject, realm roles and, for partner staff and systems, the partner id.
 * Services use it to scope data ("a user sees only its own transactions").
 */
public record CurrentCaller(String subject, Set<String> roles, Optional<String> partnerId, String clientId) {

    public static final String PARTNER_ID_CLAIM = "partner_id";

    /** The authenticated caller of this thread, if any. */
    public static Optional<CurrentCaller> find() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The authenticated caller; only call where security already demanded a token. */
    public static CurrentCaller get() {
        return find().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
    }

    static Optional<CurrentCaller> from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        String partnerId = token.getToken().getClaimAsString(PARTNER_ID_CLAIM);
        String clientId = token.getToken().getClaimAsString("azp");
        return Optional.of(new CurrentCaller(token.getToken().getSubject(), roles, Optional.ofNullable(partnerId),
                clientId));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The actor written to audit trails: the token subject (never a name or contact, which are personal data). */
    public String actor() {
        return subject != null ? subject : "client:" + clientId;
    }
}
