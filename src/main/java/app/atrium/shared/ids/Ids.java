package app.atrium.shared.ids;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUID version 7 ids (RFC 9562): good index locality, no sequence needed. */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        return newId(System.currentTimeMillis());
    }

    public static UUID newId(long epochMillis) {
        SecureRandom random = SecureRandoms.get();
        long randA = random.nextInt(1 << 12);
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
