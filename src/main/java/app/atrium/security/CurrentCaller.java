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

    /** The caller when the request has a valid token, empty otherwise; never throws. */
    public Optional<Caller> ifPresent() {
        if (jwt == null || jwt.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(get());
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    static Caller fromToken(JsonWebToken jwt) {
        UUID account;
        UUID session;
        Optional<UUID> clinic;
        try {
            account = UUID.fromString(jwt.getSubject());
            String sid = CallerAugmentor.claim(jwt, CallerAugmentor.SESSION_CLAIM);
            session = sid == null ? null : UUID.fromString(sid);
            clinic = Optional.ofNullable(CallerAugmentor.claim(jwt, CLINIC_CLAIM)).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The token's subject or clinic is not an id");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new Caller(account, groups, clinic, session);
    }
}
