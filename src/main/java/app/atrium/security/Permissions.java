package app.atrium.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.atrium.shared.error.ApiException;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The one permission matrix: which role may do what. Endpoints name a permission with
 * {@code @PermissionsAllowed(Permissions.X)}, never role names; {@code docs/permissions.md} is
 * this table in prose and {@code PermissionMatrixDocTest} keeps the two equal.
 */
public final class Permissions {

    public static final String CLINIC_READ = "clinic:read";
    public static final String CLINIC_UPDATE = "clinic:update";
    public static final String MEMBERS_READ = "members:read";
    public static final String MEMBERS_MANAGE = "members:manage";
    public static final String OWNERS_MANAGE = "owners:manage";
    public static final String INVITATIONS_MANAGE = "invitations:manage";
    public static final String DEPARTMENTS_READ = "departments:read";
    public static final String DEPARTMENTS_MANAGE = "departments:manage";
    public static final String SETTINGS_READ = "settings:read";
    public static final String SETTINGS_MANAGE = "settings:manage";
    public static final String AUDIT_READ = "audit:read";
    public static final String PATIENTS_READ = "patients:read";
    public static final String PATIENTS_NAMES = "patients:names";
    public static final String PATIENTS_WRITE = "patients:write";
    public static final String SERVICES_READ = "services:read";
    public static final String SERVICES_MANAGE = "services:manage";
    public static final String SCHEDULES_READ = "schedules:read";
    public static final String SCHEDULES_MANAGE = "schedules:manage";
    public static final String SCHEDULES_OWN = "schedules:own";
    public static final String APPOINTMENTS_READ = "appointments:read";
    public static final String APPOINTMENTS_WRITE = "appointments:write";
    public static final String TREATMENTS_READ = "treatments:read";
    public static final String TREATMENTS_WRITE = "treatments:write";
    public static final String PAYMENTS_WRITE = "payments:write";
    public static final String CLINICAL_NOTES = "clinical:notes";
    public static final String INTAKE_READ = "intake:read";
    public static final String INTAKE_SEND = "intake:send";
    public static final String INTAKE_ANSWERS = "intake:answers";
    public static final String PLATFORM_ACCOUNTS = "platform:accounts";
    public static final String PLATFORM_CLINICS = "platform:clinics";
    public static final String PLATFORM_AUDIT = "platform:audit";
    public static final String PLATFORM_INGREDIENTS = "platform:ingredients";

    /** Every permission, in the order of the documented table. */
    public enum Permission {
        CLINIC_READ(Permissions.CLINIC_READ),
        CLINIC_UPDATE(Permissions.CLINIC_UPDATE),
        MEMBERS_READ(Permissions.MEMBERS_READ),
        MEMBERS_MANAGE(Permissions.MEMBERS_MANAGE),
        OWNERS_MANAGE(Permissions.OWNERS_MANAGE),
        INVITATIONS_MANAGE(Permissions.INVITATIONS_MANAGE),
        DEPARTMENTS_READ(Permissions.DEPARTMENTS_READ),
        DEPARTMENTS_MANAGE(Permissions.DEPARTMENTS_MANAGE),
        SETTINGS_READ(Permissions.SETTINGS_READ),
        SETTINGS_MANAGE(Permissions.SETTINGS_MANAGE),
        AUDIT_READ(Permissions.AUDIT_READ),
        PATIENTS_READ(Permissions.PATIENTS_READ),
        PATIENTS_NAMES(Permissions.PATIENTS_NAMES),
        PATIENTS_WRITE(Permissions.PATIENTS_WRITE),
        SERVICES_READ(Permissions.SERVICES_READ),
        SERVICES_MANAGE(Permissions.SERVICES_MANAGE),
        SCHEDULES_READ(Permissions.SCHEDULES_READ),
        SCHEDULES_MANAGE(Permissions.SCHEDULES_MANAGE),
        SCHEDULES_OWN(Permissions.SCHEDULES_OWN),
        APPOINTMENTS_READ(Permissions.APPOINTMENTS_READ),
        APPOINTMENTS_WRITE(Permissions.APPOINTMENTS_WRITE),
        TREATMENTS_READ(Permissions.TREATMENTS_READ),
        TREATMENTS_WRITE(Permissions.TREATMENTS_WRITE),
        PAYMENTS_WRITE(Permissions.PAYMENTS_WRITE),
        CLINICAL_NOTES(Permissions.CLINICAL_NOTES),
        INTAKE_READ(Permissions.INTAKE_READ),
        INTAKE_SEND(Permissions.INTAKE_SEND),
        INTAKE_ANSWERS(Permissions.INTAKE_ANSWERS),
        PLATFORM_ACCOUNTS(Permissions.PLATFORM_ACCOUNTS),
        PLATFORM_CLINICS(Permissions.PLATFORM_CLINICS),
        PLATFORM_AUDIT(Permissions.PLATFORM_AUDIT),
        PLATFORM_INGREDIENTS(Permissions.PLATFORM_INGREDIENTS);

        private final String value;

        Permission(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    private static final Set<Permission> STAFF = EnumSet.of(Permission.CLINIC_READ, Permission.MEMBERS_READ,
            Permission.DEPARTMENTS_READ, Permission.SETTINGS_READ, Permission.SERVICES_READ, Permission.SCHEDULES_READ);
    /** Front desk and treatment rooms: patients in full, treatments without their notes, payments. */
    private static final Set<Permission> CARE = union(STAFF, EnumSet.of(Permission.PATIENTS_READ,
            Permission.PATIENTS_NAMES, Permission.PATIENTS_WRITE, Permission.APPOINTMENTS_READ,
            Permission.APPOINTMENTS_WRITE, Permission.TREATMENTS_READ, Permission.PAYMENTS_WRITE,
            Permission.INTAKE_READ, Permission.INTAKE_SEND));
    /** Who records clinical work and reads clinical notes and intake answers. */
    private static final Set<Permission> CLINICAL = EnumSet.of(Permission.TREATMENTS_WRITE, Permission.CLINICAL_NOTES,
            Permission.INTAKE_ANSWERS);
    private static final Set<Permission> ADMIN = union(union(CARE, CLINICAL), EnumSet.of(Permission.SERVICES_MANAGE,
            Permission.SCHEDULES_MANAGE, Permission.CLINIC_UPDATE,
            Permission.MEMBERS_MANAGE, Permission.INVITATIONS_MANAGE, Permission.DEPARTMENTS_MANAGE,
            Permission.SETTINGS_MANAGE, Permission.AUDIT_READ));

    /** Role → permissions. A role not listed has none. */
    public static final Map<String, Set<Permission>> MATRIX = Map.of(
            Roles.OWNER, union(ADMIN, EnumSet.of(Permission.OWNERS_MANAGE)),
            Roles.ADMIN, ADMIN,
            Roles.PRACTITIONER, union(union(CARE, CLINICAL), EnumSet.of(Permission.SCHEDULES_OWN)),
            Roles.RECEPTIONIST, union(CARE, EnumSet.of(Permission.SCHEDULES_MANAGE)),
            Roles.SALES, union(STAFF, EnumSet.of(Permission.PATIENTS_NAMES)),
            Roles.SUPER_ADMIN, EnumSet.of(Permission.PLATFORM_ACCOUNTS, Permission.PLATFORM_CLINICS,
                    Permission.PLATFORM_AUDIT, Permission.PLATFORM_INGREDIENTS),
            Roles.CLIENT, EnumSet.noneOf(Permission.class));

    /** Permission names ("clinic" of "clinic:read") that only mean something inside a clinic. */
    private static final Set<String> CLINIC_SCOPED = MATRIX.entrySet().stream()
            .filter(e -> !e.getKey().equals(Roles.SUPER_ADMIN))
            .flatMap(e -> e.getValue().stream())
            .map(p -> p.value().substring(0, p.value().indexOf(':')))
            .collect(Collectors.toUnmodifiableSet());

    private Permissions() {
    }

    /** True for a permission that is only granted inside a clinic (all but the platform operators'). */
    public static boolean needsClinic(java.security.Permission required) {
        return CLINIC_SCOPED.contains(required.getName());
    }

    /**
     * The permission object for a check in code, parsed as {@code @PermissionsAllowed} parses
     * its values ({@code "name:action"}).
     */
    public static java.security.Permission permission(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? new StringPermission(value)
                : new StringPermission(value.substring(0, colon), value.substring(colon + 1));
    }

    /**
     * For checks that depend on the data (only owners touch owners, a logo needs clinic:update):
     * a 403 with {@code message} unless the caller holds {@code permission}.
     */
    public static void require(SecurityIdentity identity, String permission, String message) {
        if (!identity.checkPermissionBlocking(permission(permission))) {
            throw ApiException.forbidden(message);
        }
    }

    /** The permissions of someone holding all of {@code roles}. */
    public static Set<String> of(Set<String> roles) {
        return roles.stream()
                .flatMap(r -> MATRIX.getOrDefault(r, Set.of()).stream())
                .map(Permission::value)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Set<Permission> union(Set<Permission> a, Set<Permission> b) {
        EnumSet<Permission> s = EnumSet.copyOf(a);
        s.addAll(b);
        return s;
    }
}
