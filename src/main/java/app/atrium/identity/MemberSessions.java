package app.atrium.identity;

import java.util.UUID;

/**
 * What other features may do to sign-in sessions. A session switched to a clinic carries the
 * caller's role there; when that membership changes or ends, the clinic feature ends those
 * sessions so the old role stops working at once (their refresh tokens too).
 */
public interface MemberSessions {

    /** Ends the account's live sessions switched to {@code clinicId} (audited by the caller). */
    void endForClinic(UUID accountId, UUID clinicId);
}
