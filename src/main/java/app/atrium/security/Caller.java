package app.atrium.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;

/**
 * Who is calling: the account, its roles and, for staff tokens, the one clinic the token is
 * scoped to. The clinic comes from the token only, never from a request body, query or header.
 */
public record Caller(UUID accountId, Set<String> roles, Optional<UUID> clinicId, UUID sessionId) {

    /** The clinic of a staff token; a 403 for tokens without one (clients, platform operators). */
    public UUID requireClinic() {
        return clinicId.orElseThrow(() -> new ApiException(
                ErrorCode.FORBIDDEN, "This needs a staff token for a clinic; switch clinic first"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
