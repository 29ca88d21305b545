package app.atrium.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;

/** The {@link Caller} of the current request, built from its verified access token. */
@RequestScoped
public class CurrentCaller {

    public static final String CLINIC_CLAIM = "clinic";

    private final JsonWebToken jwt;
    private Caller caller;

    CurrentCaller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Caller get() {
        if (caller == null) {
            if (jwt == null || jwt.getSubject() == null) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required");
            }
            caller = fromToken(jwt);
        }
        return caller;
    }

    static Caller fromToken(JsonWebToken jwt) {
        UUID account;
        Optional<UUID> clinic;
        try {
            account = UUID.fromString(jwt.getSubject());
            clinic = Optional.ofNullable(jwt.<Object>getClaim(CLINIC_CLAIM)).map(Object::toString)
                    .map(s -> s.replace("\"", "")).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The token's subject or clinic is not an id");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new Caller(account, groups, clinic);
    }
}
