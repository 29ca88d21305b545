package app.atrium.upload;

import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.atrium.storage.ObjectStorage;
import app.atrium.testing.TestImages;
import app.atrium.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UploadJanitorTest {

    @Inject
    UploadJanitor janitor;

    @Inject
    ObjectStorage storage;

    @Inject
    EntityManager em;

    @Test
    void uploadsNeverCompletedAreRemovedAfterADayWithTheirBytes() {
        String token = Tokens.client(UUID.randomUUID());
        UUID abandoned = UploadTestSupport.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(10, 10));
        UUID fresh = UploadTestSupport.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(10, 10));
        UUID completedLongAgo = UploadTestSupport.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(10, 10));
        UploadTestSupport.markProcessing(em, completedLongAgo);
        age(abandoned);
        age(completedLongAgo);

        assertThat(janitor.purgeAbandoned()).isGreaterThanOrEqualTo(1);

        as(token).get("/api/v1/uploads/{id}", abandoned).then().statusCode(404);
        assertThat(storage.head(UploadKeys.original(abandoned))).isEmpty();
        as(token).get("/api/v1/uploads/{id}", fresh).then().statusCode(200);
        assertThat(storage.head(UploadKeys.original(fresh))).isPresent();
        as(token).get("/api/v1/uploads/{id}", completedLongAgo).then().statusCode(200);
    }

    private void age(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update uploads set created_at = created_at - interval '2 days' where id = :id")
                .setParameter("id", id).executeUpdate());
    }
}
