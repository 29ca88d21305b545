package app.atrium.identity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.atrium.security.MembershipDirectory;
import app.atrium.security.PlatformRole;

/** Response bodies of the identity feature; built from entities, never the entities themselves. */
public final class AccountViews {

    private AccountViews() {
    }

    /** Skin type as clients describe it. */
    public enum SkinType {
        NORMAL,
        DRY,
        OILY,
        COMBINATION,
        SENSITIVE
    }

    /** Fitzpatrick phototype I–VI. */
    public enum SkinTone {
        TYPE_I,
        TYPE_II,
        TYPE_III,
        TYPE_IV,
        TYPE_V,
        TYPE_VI
    }

    @Schema(name = "User")
    public record User(
            @Schema(required = true) UUID id,
            @Schema(required = true) String email,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(nullable = true) String phone,
            @Schema(required = true) boolean emailVerified,
            @Schema(required = true) boolean mfaEnabled,
            @Schema(required = true) Instant createdAt) {

        static User from(Account a) {
            return new User(a.id, a.email, a.firstName, a.lastName, a.phone, a.emailVerifiedAt != null,
                    a.mfaEnabled(), a.createdAt);
        }
    }

    @Schema(name = "AuthTokens")
    public record AuthTokens(
            @Schema(required = true) User user,
            @Schema(required = true, description = "JWT for Authorization: Bearer") String accessToken,
            @Schema(required = true, description = "Opaque; single use; send to /auth/refresh") String refreshToken,
            @Schema(required = true, description = "Seconds until the access token expires") long expiresIn) {
    }

    @Schema(name = "MembershipSummary")
    public record Membership(
            @Schema(required = true) UUID clinicId,
            @Schema(required = true) String clinicName,
            @Schema(required = true) String clinicSlug,
            @Schema(required = true, ref = "ClinicRole") String role) {

        static Membership from(MembershipDirectory.MembershipRef m) {
            return new Membership(m.clinicId(), m.clinicName(), m.clinicSlug(), m.role());
        }
    }

    @Schema(name = "Me")
    public record Me(
            @Schema(required = true) User user,
            @Schema(required = true) List<Membership> memberships,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "The clinic this token is scoped to; absent without one") Membership activeClinic,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "SUPER_ADMIN for platform operators; absent otherwise") PlatformRole platformRole,
            @Schema(required = true,
                    description = "PUT /me/onboarding was answered") boolean onboardingComplete) {
    }

    @Schema(name = "Session")
    public record Session(
            @Schema(required = true) UUID id,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant lastUsedAt,
            @Schema(required = true) Instant expiresAt,
            @Schema(nullable = true) String userAgent,
            @Schema(nullable = true) String ip,
            @Schema(required = true, description = "The session of the token making this call") boolean current) {
    }

    @Schema(name = "MfaSetup")
    public record MfaSetup(
            @Schema(required = true, description = "Base32 secret for manual entry") String secret,
            @Schema(required = true, description = "otpauth:// URI for a QR code") String otpauthUri) {
    }

    @Schema(name = "RecoveryCodes")
    public record RecoveryCodes(
            @Schema(required = true,
                    description = "Shown once; each works once instead of a code") List<String> recoveryCodes) {
    }

    @Schema(name = "Accepted")
    public record Accepted(@Schema(required = true) String message) {
    }

    @Schema(name = "Profile")
    public record Profile(
            @Schema(required = true) String email,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(nullable = true, description = "E.164") String phone,
            @Schema(nullable = true, implementation = String.class, format = "date") LocalDate dateOfBirth,
            @Schema(nullable = true, description = "IANA time zone") String timeZone,
            @Schema(nullable = true, description = "BCP 47 language tag") String locale,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent until set") SkinType skinType,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent until set") SkinTone skinTone,
            @Schema(required = true, description = "The advisor leaves out what may irritate") boolean sensitiveSkin,
            @Schema(required = true,
                    description = "The advisor leaves out what is avoided in pregnancy (retinoids...)") boolean pregnant) {

        static Profile from(Account a) {
            return new Profile(a.email, a.firstName, a.lastName, a.phone, a.dateOfBirth, a.timeZone, a.locale,
                    a.skinType, a.skinTone, a.sensitiveSkin, a.pregnant);
        }
    }

    @Schema(name = "AccountSummary")
    public record AccountSummary(
            @Schema(required = true) UUID id,
            @Schema(required = true) String email,
            @Schema(required = true) String firstName,
            @Schema(required = true) String lastName,
            @Schema(required = true) Account.Status status,
            @Schema(required = true) boolean emailVerified,
            @Schema(required = true) boolean mfaEnabled,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "SUPER_ADMIN for platform operators; absent otherwise") PlatformRole platformRole,
            @Schema(required = true) Instant createdAt) {

        static AccountSummary from(Account a) {
            return new AccountSummary(a.id, a.email, a.firstName, a.lastName, a.status, a.emailVerifiedAt != null,
                    a.mfaEnabled(), PlatformRole.of(a.platformRole), a.createdAt);
        }
    }
}
