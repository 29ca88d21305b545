package app.atrium.shared.ids;

import java.security.SecureRandom;

/**
 * The one {@link SecureRandom} of the process, created on first use at run time. Never a
 * {@code static final} field: a native image initialises classes at build time, and a seeded
 * random in the image heap would hand every process the same sequence (GraalVM refuses to build
 * it). Here class initialisation leaves the field empty; the first caller at run time fills it.
 */
public final class SecureRandoms {

    private static volatile SecureRandom instance;

    private SecureRandoms() {
    }

    public static SecureRandom get() {
        SecureRandom r = instance;
        if (r == null) {
            synchronized (SecureRandoms.class) {
                r = instance;
                if (r == null) {
                    r = new SecureRandom();
                    instance = r;
                }
            }
        }
        return r;
    }
}
