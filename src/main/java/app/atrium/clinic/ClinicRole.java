package app.atrium.clinic;

import app.atrium.security.Roles;

/** The roles a clinic member can hold (PRODUCT.md). */
public enum ClinicRole {
    OWNER(Roles.OWNER),
    ADMIN(Roles.ADMIN),
    PRACTITIONER(Roles.PRACTITIONER),
    RECEPTIONIST(Roles.RECEPTIONIST),
    SALES(Roles.SALES);

    private final String role;

    ClinicRole(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }
}
