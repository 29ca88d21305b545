package app.atrium.clinic.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Filter;

import app.atrium.security.Tenancy;
import app.atrium.shared.db.TrackedEntity;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.paging.SearchTerm;
import io.quarkus.panache.common.Parameters;

/** The tenant. Under the tenant filter a caller sees only the clinic of its token. */
@Entity
@Table(name = "clinics")
@Filter(name = Tenancy.FILTER, condition = "id = :" + Tenancy.PARAM)
public class Clinic extends TrackedEntity {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ClinicStatus")
    public enum Status {
        ACTIVE,
        SUSPENDED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String slug;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String locale;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "address_line")
    public String addressLine;

    public String city;

    public String country;

    public String website;

    @Column(name = "logo_upload_id")
    public UUID logoUploadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    public static boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    /** Platform list; call inside {@code Tenancy.unscoped}. */
    public static List<Clinic> search(Optional<String> search, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        search.ifPresent(s -> {
            q.append(" and (lower(name) like :s or slug like :s)");
            p.and("s", SearchTerm.contains(s));
        });
        return find(page.newestFirst(q, p), p).page(0, page.fetchSize()).list();
    }
}
