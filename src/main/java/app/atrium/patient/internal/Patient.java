package app.atrium.patient.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.generator.EventType;

import app.atrium.security.ClinicOwned;
import io.quarkus.panache.common.Parameters;

/**
 * A patient of one clinic. Deleting is soft: a deleted row ({@code deleted_at} set) is invisible to
 * every query and load by id ({@link SQLRestriction}) and no longer holds its mobile number.
 */
@Entity
@Table(name = "patients")
@SQLRestriction("deleted_at is null")
public class Patient extends ClinicOwned {

    @Id
    public UUID id;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "mobile_number")
    public String mobileNumber;

    public String email;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    public PatientGender gender;

    public String notes;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** {@code lower(last_name || ' ' || first_name)}, computed by the database: the lastName sort key. */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "sort_name", insertable = false, updatable = false)
    public String sortName;

    /** Searched by name words (generated column, trigram index). */
    @Column(name = "name_text", insertable = false, updatable = false)
    public String nameText;

    /** Searched by email and phone fragments (generated column, trigram index). */
    @Column(name = "contact_text", insertable = false, updatable = false)
    public String contactText;

    public static boolean mobileTaken(String mobile, UUID except) {
        return mobile != null && count("mobileNumber = ?1 and id <> ?2", mobile, orNone(except)) > 0;
    }

    public static boolean accountLinked(UUID account, UUID except) {
        return account != null && count("accountId = ?1 and id <> ?2", account, orNone(except)) > 0;
    }

    /** A page of this clinic's patients (see {@link PatientQuery}). */
    public static List<Patient> page(PatientQuery q) {
        Parameters p = new Parameters();
        String hql = q.hql(p);
        return find(hql, p).page(0, q.fetchSize()).list();
    }

    private static UUID orNone(UUID id) {
        return id == null ? new UUID(0, 0) : id;
    }
}
