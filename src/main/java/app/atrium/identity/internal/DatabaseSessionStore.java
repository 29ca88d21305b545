package app.atrium.identity.internal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.security.SessionStore;

/** Sessions as the database records them (the fallback of the Redis revocation check). */
@ApplicationScoped
public class DatabaseSessionStore implements SessionStore {

    @Override
    @Transactional
    public boolean isEnded(UUID sessionId) {
        return AuthSession.<AuthSession> findByIdOptional(sessionId).map(s -> s.revokedAt != null).orElse(true);
    }
}
