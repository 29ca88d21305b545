package app.atrium.security;

import java.util.UUID;

/**
 * The sessions' system of record (identity implements it): asked whether a session has ended
 * when Redis, the fast path of {@link SessionRevocations}, cannot be reached.
 */
public interface SessionStore {

    /** True when the session does not exist or has ended. Blocking (JDBC). */
    boolean isEnded(UUID sessionId);
}
