package app.atrium.identity.internal;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.atrium.shared.validation.NoLinks;

/** Request bodies of the auth endpoints. Passwords: 8..128 characters, checked by PasswordPolicy. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Register(
            @NotBlank @NoLinks @Size(max = 100) String firstName,
            @NotBlank @NoLinks @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 512) @Schema(format = "password") String password,
            @Size(max = 32) @Schema(nullable = true, description = "Any common format; stored as E.164") String phone) {
    }

    public record Login(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 512) @Schema(format = "password") String password) {
    }

    public record MfaVerify(
            @NotBlank @Size(max = 100) String challengeToken,
            @Pattern(regexp = "\\d{6}") @Schema(nullable = true,
                    description = "6-digit code from the authenticator app") String code,
            @Size(max = 20) @Schema(nullable = true,
                    description = "One of the recovery codes, instead of a code") String recoveryCode) {
    }

    public record RefreshTokenBody(@NotBlank @Size(max = 100) String refreshToken) {
    }

    public record SwitchClinic(@NotNull UUID clinicId) {
    }

    public record TokenBody(@NotBlank @Size(max = 100) String token) {
    }

    public record Forgot(@NotBlank @Size(max = 254) String email) {
    }

    public record Reset(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(max = 512) @Schema(format = "password") String newPassword) {
    }

    public record ChangePassword(
            @NotNull @Size(max = 512) @Schema(format = "password") String currentPassword,
            @NotNull @Size(max = 512) @Schema(format = "password") String newPassword) {
    }

    public record MfaCode(@NotBlank @Pattern(regexp = "\\d{6}") String code) {
    }

    public record MfaDisable(
            @NotNull @Size(max = 512) @Schema(format = "password") String password,
            @NotBlank @Pattern(regexp = "\\d{6}") String code) {
    }
}
