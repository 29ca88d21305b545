package app.atrium.clinic;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import app.atrium.clinic.internal.Clinic;
import app.atrium.clinic.internal.ClinicSetting;
import app.atrium.clinic.internal.Membership;
import app.atrium.clinic.internal.SettingKey;
import app.atrium.security.Tenancy;

/**
 * What other features may read of clinics: their public details, their settings (stored or
 * default) and who holds which role. Reads by clinic id or slug are explicit; they do not depend
 * on the caller's token, so the public face (a booking widget) can use them.
 */
@ApplicationScoped
public class ClinicDirectory {

    /** A clinic slug, as the clinic feature accepts one at creation: 3-60 lowercase letters, digits or dashes. */
    public static final String SLUG_PATTERN = "[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])";

    public record ClinicRef(UUID id, String name, String slug, ZoneId timeZone, String currency, UUID logoUploadId,
            boolean active) {
    }

    private final Tenancy tenancy;

    ClinicDirectory(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @Transactional
    public Optional<ClinicRef> find(UUID id) {
        return tenancy.unscoped(() -> Clinic.<Clinic> findByIdOptional(id).map(ClinicDirectory::ref));
    }

    /** An active clinic by its slug; suspended clinics are not found. */
    @Transactional
    public Optional<ClinicRef> activeBySlug(String slug) {
        return tenancy.unscoped(() -> Clinic.<Clinic> find("slug", slug).firstResultOptional()
                .filter(c -> c.status == Clinic.Status.ACTIVE).map(ClinicDirectory::ref));
    }

    /** Every setting's effective value (stored, else the default), by key ({@code booking.holdMinutes}). */
    @Transactional
    public Map<String, JsonNode> settings(UUID clinicId) {
        Map<String, JsonNode> stored = tenancy.within(clinicId, () -> ClinicSetting.all().stream()
                .collect(Collectors.toMap(s -> s.settingKey, s -> s.value)));
        return Arrays.stream(SettingKey.values()).collect(Collectors.toMap(SettingKey::key,
                k -> stored.getOrDefault(k.key(), k.defaultValue())));
    }

    /** Account ids of the clinic's members holding {@code role}, oldest membership first. */
    @Transactional
    public List<UUID> membersWithRole(UUID clinicId, ClinicRole role) {
        return tenancy.within(clinicId, () -> Membership.<Membership> list("role = ?1 order by createdAt", role)
                .stream().map(m -> m.accountId).toList());
    }

    /** The role {@code accountId} holds in the clinic, if a member. */
    @Transactional
    public Optional<ClinicRole> roleOf(UUID clinicId, UUID accountId) {
        return tenancy.within(clinicId, () -> Membership.ofAccount(accountId).map(m -> m.role));
    }

    private static ClinicRef ref(Clinic c) {
        return new ClinicRef(c.id, c.name, c.slug, ZoneId.of(c.timeZone), c.currency, c.logoUploadId,
                c.status == Clinic.Status.ACTIVE);
    }

}
