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

    /** Code of the 403 a clinic-scoped call gets with a token that has no active clinic. */
    public static final String NO_ACTIVE_CLINIC = "NO_ACTIVE_CLINIC";

    /** The clinic of a staff token; a 403 NO_ACTIVE_CLINIC for tokens without one (clients, platform operators). */
    public UUID requireClinic() {
        return clinicId.orElseThrow(Caller::noActiveClinic);
    }

    /** The 403 of a clinic-scoped call made with a token that is not scoped to a clinic. */
    public static ApiException noActiveClinic() {
        return new ApiException(ErrorCode.FORBIDDEN, "Switch to a clinic first: POST /api/v1/auth/switch-clinic "
                + "{\"clinicId\": ...} (GET /api/v1/auth/me lists your clinics), then call again with the new "
                + "access token").refine(NO_ACTIVE_CLINIC);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
