package app.atrium.patient.internal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** As the patient states it; optional. */
@Schema(name = "PatientGender")
public enum PatientGender {
    FEMALE,
    MALE,
    DIVERSE,
    UNDISCLOSED
}
