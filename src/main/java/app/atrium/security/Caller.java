package app.atrium.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the account, its roles and, for staff tokens, the one clinic the token is
 * scoped to. The clinic comes from the token only, never from a request body, query or header.
 */
public record Caller(UUID accountId, Set<String> roles, Optional<UUID> clinicId) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
