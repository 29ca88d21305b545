package app.atrium.clinic.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.atrium.audit.AuditLog;
import app.atrium.clinic.ClinicRole;
import app.atrium.identity.AccountDirectory;
import app.atrium.security.Caller;
import app.atrium.security.Tenancy;
import app.atrium.shared.error.ApiException;
import app.atrium.shared.error.ErrorCode;
import app.atrium.shared.ids.Ids;
import app.atrium.shared.paging.Page;
import app.atrium.shared.paging.PageRequest;
import app.atrium.shared.patch.MergePatch;
import app.atrium.shared.validation.Formats;
import app.atrium.upload.ClinicUploads;
import app.atrium.upload.UploadPurpose;
import app.atrium.upload.UploadView;

/** Clinics: create (caller becomes OWNER), the active clinic's details, logo and settings. */
@ApplicationScoped
public class ClinicService {

    private final Tenancy tenancy;
    private final AccountDirectory accounts;
    private final ClinicUploads uploads;
    private final AuditLog audit;

    ClinicService(Tenancy tenancy, AccountDirectory accounts, ClinicUploads uploads, AuditLog audit) {
        this.tenancy = tenancy;
        this.accounts = accounts;
        this.uploads = uploads;
        this.audit = audit;
    }

    @Transactional
    public ClinicViews.ClinicView create(ClinicRequests.CreateClinic cmd, Caller caller) {
        if (!accounts.find(caller.accountId()).map(AccountDirectory.AccountRef::emailVerified).orElse(false)) {
            throw ApiException.forbidden("Verify your email address before creating a clinic");
        }
        Clinic c = new Clinic();
        c.id = Ids.newId();
        c.name = cmd.name().trim();
        c.slug = cmd.slug();
        c.timeZone = Formats.timeZone("timeZone", cmd.timeZone());
        c.currency = Formats.currency("currency", cmd.currency());
        c.locale = Formats.languageTag("locale", cmd.locale());
        c.contactEmail = cmd.contactEmail();
        c.contactPhone = Formats.phone("contactPhone", cmd.contactPhone());
        c.addressLine = cmd.addressLine();
        c.city = cmd.city();
        c.country = cmd.country();
        c.website = cmd.website();
        c.status = Clinic.Status.ACTIVE;
        c.createdBy = caller.accountId();
        tenancy.unscoped(() -> {
            if (Clinic.slugTaken(c.slug)) {
                throw ApiException.conflict(ErrorCode.ALREADY_EXISTS, "The slug " + c.slug + " is taken");
            }
            c.persist();
            Membership m = new Membership();
            m.id = Ids.newId();
            m.clinicId = c.id;
            m.accountId = caller.accountId();
            m.role = ClinicRole.OWNER;
            m.persist();
            return null;
        });
        audit.event("clinic.created").clinic(c.id).entity("clinic", c.id).with("name", c.name).with("slug", c.slug)
                .record();
        return ClinicViews.ClinicView.from(c);
    }

    @Transactional
    public ClinicViews.ClinicView get(Caller caller) {
        return ClinicViews.ClinicView.from(active(caller));
    }

    @Transactional
    public ClinicViews.ClinicView update(ClinicRequests.UpdateClinic p, Caller caller) {
        Clinic c = active(caller);
        if (p.version() != null && p.version() != c.version) {
            throw ApiException.conflict(ErrorCode.CONFLICT, "The clinic was changed by someone else; reload and retry");
        }
        var entry = audit.event("clinic.updated").entity("clinic", c.id);
        c.name = changed(entry, "name", c.name, MergePatch.required("name", p.name(), c.name, String::trim));
        c.timeZone = changed(entry, "timeZone", c.timeZone,
                MergePatch.required("timeZone", p.timeZone(), c.timeZone, v -> Formats.timeZone("timeZone", v)));
        c.currency = changed(entry, "currency", c.currency,
                MergePatch.required("currency", p.currency(), c.currency, v -> Formats.currency("currency", v)));
        c.locale = changed(entry, "locale", c.locale,
                MergePatch.required("locale", p.locale(), c.locale, v -> Formats.languageTag("locale", v)));
        c.contactEmail = changed(entry, "contactEmail", c.contactEmail,
                MergePatch.optional(p.contactEmail(), c.contactEmail));
        c.contactPhone = changed(entry, "contactPhone", c.contactPhone,
                MergePatch.optional(p.contactPhone(), c.contactPhone, v -> Formats.phone("contactPhone", v)));
        c.addressLine = changed(entry, "addressLine", c.addressLine, MergePatch.optional(p.addressLine(), c.addressLine));
        c.city = changed(entry, "city", c.city, MergePatch.optional(p.city(), c.city));
        c.country = changed(entry, "country", c.country, MergePatch.optional(p.country(), c.country));
        c.website = changed(entry, "website", c.website, MergePatch.optional(p.website(), c.website));
        entry.record();
        Clinic.getEntityManager().flush();
        return ClinicViews.ClinicView.from(c);
    }

    @Transactional
    public ClinicViews.Logo setLogo(UUID uploadId, Caller caller) {
        Clinic c = active(caller);
        UploadView.Details logo = uploads.readyClinicUpload(uploadId, c.id, UploadPurpose.CLINIC_LOGO);
        audit.event("clinic.logo_changed").entity("clinic", c.id).change("logoUploadId", c.logoUploadId, uploadId)
                .record();
        c.logoUploadId = uploadId;
        return logo(logo);
    }

    @Transactional
    public ClinicViews.Logo logo(Caller caller) {
        Clinic c = active(caller);
        if (c.logoUploadId == null) {
            throw ApiException.notFound("Logo");
        }
        return logo(uploads.readyClinicUpload(c.logoUploadId, c.id, UploadPurpose.CLINIC_LOGO));
    }

    @Transactional
    public List<ClinicViews.Setting> settings(Caller caller) {
        active(caller);
        Map<String, ClinicSetting> stored = ClinicSetting.all().stream()
                .collect(Collectors.toMap(s -> s.settingKey, Function.identity()));
        return Arrays.stream(SettingKey.values()).map(k -> {
            ClinicSetting s = stored.get(k.key());
            return new ClinicViews.Setting(k.key(), s == null ? k.defaultValue() : s.value, k.defaultValue(),
                    k.description(), s == null ? null : s.updatedAt);
        }).toList();
    }

    @Transactional
    public ClinicViews.Setting setSetting(String key, ClinicRequests.SetSetting body, Caller caller) {
        Clinic c = active(caller);
        SettingKey k = SettingKey.require(key);
        k.problem(body.value()).ifPresent(problem -> {
            throw ApiException.validation("value", problem);
        });
        ClinicSetting s = ClinicSetting.byKey(k.key()).orElseGet(() -> {
            ClinicSetting n = new ClinicSetting();
            n.id = Ids.newId();
            n.clinicId = c.id;
            n.settingKey = k.key();
            return n;
        });
        Object before = s.value;
        s.value = body.value();
        s.updatedBy = caller.accountId();
        s.persist();
        audit.event("clinic.setting_changed").entity("setting", k.key()).change(k.key(), before, body.value()).record();
        ClinicSetting.flush();
        return new ClinicViews.Setting(k.key(), s.value, k.defaultValue(), k.description(), s.updatedAt);
    }

    /** Every clinic, for platform operators. */
    @Transactional
    public Page<ClinicViews.ClinicView> all(Optional<String> search, PageRequest page) {
        return tenancy.unscoped(() -> Page.of(Clinic.search(search, page), page, c -> c.id, ClinicViews.ClinicView::from));
    }

    /** The clinic of the caller's token; under the tenant filter no other clinic can be loaded. */
    static Clinic active(Caller caller) {
        return Clinic.<Clinic> findByIdOptional(caller.requireClinic())
                .orElseThrow(() -> ApiException.notFound("Clinic"));
    }

    private static ClinicViews.Logo logo(UploadView.Details d) {
        return new ClinicViews.Logo(d.id(), d.downloadUrl(), d.thumbnailUrl(), d.downloadUrlsExpireAt());
    }

    /** The new value, recorded in the audit entry when it differs (null: cleared). */
    private static String changed(AuditLog.Entry entry, String field, String before, String after) {
        if (Objects.equals(before, after)) {
            return before;
        }
        entry.change(field, before, after);
        return after;
    }
}
