package app.atrium.clinical.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/**
 * A signed medical history: the answers as the patient gave them, with each question as it was
 * asked, the signature's PNG in object storage and its SHA-256, the signer's address, user agent and
 * time, and a seal over all of it. Written once; a trigger refuses any change (V15).
 */
@Entity
@Table(name = "medical_history_submissions")
public class IntakeSubmission extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "link_id", nullable = false, updatable = false)
    public UUID linkId;

    @Column(name = "questionnaire_id", nullable = false, updatable = false)
    public UUID questionnaireId;

    @Column(name = "questionnaire_revision", nullable = false, updatable = false)
    public int questionnaireRevision;

    /** Canonical JSON of the answers, in the questionnaire's order. */
    @Column(nullable = false, updatable = false)
    public String answers;

    @Column(name = "signature_key", nullable = false, updatable = false)
    public String signatureKey;

    @Column(name = "signature_sha256", nullable = false, updatable = false)
    public String signatureSha256;

    @Column(name = "signature_bytes", nullable = false, updatable = false)
    public int signatureBytes;

    @Column(name = "signer_ip", updatable = false)
    public String signerIp;

    @Column(name = "signer_user_agent", updatable = false)
    public String signerUserAgent;

    @Column(name = "signed_at", nullable = false, updatable = false)
    public Instant signedAt;

    /** {@code v1:} + HMAC-SHA256 of {@link IntakeSeal#content}. */
    @Column(nullable = false, updatable = false)
    public String seal;
}
