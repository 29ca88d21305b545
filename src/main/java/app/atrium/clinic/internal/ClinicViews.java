package app.atrium.clinic.internal;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import app.atrium.clinic.ClinicRole;
import app.atrium.identity.AccountDirectory;

public final class ClinicViews {

    private ClinicViews() {
    }

    @Schema(name = "Clinic")
    public record ClinicView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String name,
            @Schema(required = true) String slug,
            @Schema(required = true) String timeZone,
            @Schema(required = true) String currency,
            @Schema(required = true) String locale,
            @Schema(nullable = true) String contactEmail,
            @Schema(nullable = true) String contactPhone,
            @Schema(nullable = true) String addressLine,
            @Schema(nullable = true) String city,
            @Schema(nullable = true) String country,
            @Schema(nullable = true) String website,
            @Schema(nullable = true, implementation = String.class, format = "uuid") UUID logoUploadId,
            @Schema(required = true) Clinic.Status status,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) long version) {

        static ClinicView from(Clinic c) {
            return new ClinicView(c.id, c.name, c.slug, c.timeZone, c.currency, c.locale, c.contactEmail,
                    c.contactPhone, c.addressLine, c.city, c.country, c.website, c.logoUploadId, c.status, c.createdAt,
                    c.version);
        }
    }

    @Schema(name = "Member")
    public record Member(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID accountId,
            @Schema(required = true) String email,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(required = true) ClinicRole role,
            @Schema(nullable = true, implementation = String.class, format = "uuid") UUID departmentId,
            @Schema(required = true) Instant createdAt) {

        static Member from(Membership m, AccountDirectory.AccountRef a) {
            return new Member(m.id, m.accountId, a == null ? "" : a.email(), a == null ? "" : a.firstName(),
                    a == null ? "" : a.lastName(), m.role, m.departmentId, m.createdAt);
        }
    }

    @Schema(name = "Invitation")
    public record InvitationView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String email,
            @Schema(required = true) ClinicRole role,
            @Schema(required = true) Invitation.State state,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant expiresAt) {

        static InvitationView from(Invitation i, Instant now) {
            return new InvitationView(i.id, i.email, i.role, i.state(now), i.createdAt, i.expiresAt);
        }
    }

    @Schema(name = "JoinedClinic")
    public record Joined(
            @Schema(required = true) UUID clinicId,
            @Schema(required = true) String clinicName,
            @Schema(required = true) ClinicRole role) {
    }

    @Schema(name = "Department")
    public record DepartmentView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String name,
            @Schema(nullable = true) String description,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) long version) {

        static DepartmentView from(Department d) {
            return new DepartmentView(d.id, d.name, d.description, d.createdAt, d.version);
        }
    }

    @Schema(name = "Setting")
    public record Setting(
            @Schema(required = true) String key,
            @Schema(required = true, implementation = Object.class,
                    description = "The clinic's value, or the default") JsonNode value,
            @Schema(required = true, implementation = Object.class) JsonNode defaultValue,
            @Schema(required = true) String description,
            @Schema(nullable = true, implementation = String.class, format = "date-time") Instant updatedAt) {
    }

    @Schema(name = "ClinicLogo")
    public record Logo(
            @Schema(required = true) UUID uploadId,
            @Schema(required = true) String url,
            @Schema(nullable = true) String thumbnailUrl,
            @Schema(required = true) Instant expiresAt) {
    }
}
