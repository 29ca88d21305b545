package app.atrium.audit;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Verifies one hash chain: every row's hash is recomputed by the same database function the
 * insert trigger used, and every row must link to its predecessor. A row changed behind the
 * triggers' back (or a row removed) breaks the chain at that point.
 */
@ApplicationScoped
public class AuditChain {

    private static final String ZERO = "0".repeat(64);

    private final EntityManager em;

    AuditChain(EntityManager em) {
        this.em = em;
    }

    @Schema(name = "AuditChainVerification")
    public record Verification(
            @Schema(required = true, description = "A clinic id, or 'platform'") String chain,
            @Schema(required = true, description = "Events checked (up to and including the first broken one)") long checked,
            @Schema(required = true) boolean valid,
            @Schema(nullable = true, implementation = String.class, format = "uuid") UUID firstBrokenEventId,
            @Schema(nullable = true) Long firstBrokenPosition,
            @Schema(nullable = true) String problem) {
    }

    @Transactional
    public Verification verify(String chain) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.id, a.chain_pos, a.prev_hash, a.hash, audit_event_hash(a.prev_hash, a)
                  from audit_events a where a.chain = :chain order by a.chain_pos""")
                .setParameter("chain", chain)
                .getResultList();
        String previous = ZERO;
        long expectedPos = 1;
        long checked = 0;
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            long pos = ((Number) r[1]).longValue();
            String prev = (String) r[2];
            String hash = (String) r[3];
            String recomputed = (String) r[4];
            checked++;
            if (pos != expectedPos) {
                return new Verification(chain, checked, false, id, pos, "an event is missing before this one");
            }
            if (!previous.equals(prev)) {
                return new Verification(chain, checked, false, id, pos, "does not link to the previous event");
            }
            if (!hash.equals(recomputed)) {
                return new Verification(chain, checked, false, id, pos, "content does not match its hash");
            }
            previous = hash;
            expectedPos++;
        }
        return new Verification(chain, checked, true, null, null, null);
    }
}
