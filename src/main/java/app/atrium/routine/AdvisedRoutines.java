package app.atrium.routine;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The routine an advisor session suggested (implemented by the advisor, which depends on routines,
 * not the other way round).
 */
public interface AdvisedRoutines {

    record SuggestedStep(String slot, String stepType, UUID ingredientId, String product, String note) {
    }

    /** The suggestion of the account's session {@code sessionId}, or empty when it is not theirs. */
    Optional<List<SuggestedStep>> suggested(UUID sessionId, UUID accountId);
}
