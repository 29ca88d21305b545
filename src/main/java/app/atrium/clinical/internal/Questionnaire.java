package app.atrium.clinical.internal;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.atrium.security.ClinicOwned;

/** One revision of a clinic's medical-history questionnaire; never changed once written. */
@Entity
@Table(name = "medical_history_questionnaires")
public class Questionnaire extends ClinicOwned {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public int revision;

    /** Canonical JSON of the questions, in order. */
    @Column(nullable = false, updatable = false)
    public String questions;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    static Optional<Questionnaire> latest() {
        return find("order by revision desc").firstResultOptional();
    }

    static Optional<Questionnaire> ofRevision(int revision) {
        return find("revision", revision).firstResultOptional();
    }
}
