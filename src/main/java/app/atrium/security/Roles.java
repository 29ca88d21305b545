package app.atrium.security;

/** Role names carried in the token's {@code groups} claim (PRODUCT.md, tenancy and roles). */
public final class Roles {

    public static final String OWNER = "OWNER";
    public static final String ADMIN = "ADMIN";
    public static final String PRACTITIONER = "PRACTITIONER";
    public static final String RECEPTIONIST = "RECEPTIONIST";
    public static final String SALES = "SALES";
    public static final String SUPER_ADMIN = "SUPER_ADMIN";
    public static final String CLIENT = "CLIENT";

    private Roles() {
    }
}
