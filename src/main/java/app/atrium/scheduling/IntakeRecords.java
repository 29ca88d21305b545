package app.atrium.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * What the front desk needs of medical-history intake (implemented by the clinical records, which
 * depend on the front desk, not the other way round): whether a patient signed one recently enough
 * for a service that requires it.
 */
public interface IntakeRecords {

    /** True when the active clinic's patient signed a medical-history submission at or after {@code since}. */
    boolean signedSince(UUID patientId, Instant since);
}
