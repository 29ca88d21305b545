package app.atrium.upload;

import static app.atrium.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.atrium.storage.ObjectStorage;
import app.atrium.testing.Sql;
import app.atrium.testing.TestImages;
import app.atrium.testing.Tokens;
import app.atrium.upload.internal.UploadJanitor;
import app.atrium.upload.internal.UploadKeys;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UploadJanitorTest {

    @Inject
    UploadJanitor janitor;

    @Inject
    ObjectStorage storage;

    @Test
    void uploadsNeverCompletedAreRemovedAfterADayWithTheirBytes() {
        String token = Tokens.client(UUID.randomUUID());
        UUID abandoned = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(10, 10));
        UUID fresh = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(10, 10));
        UUID completedLongAgo = UploadFixtures.startAndPut(token, "SKIN_IMAGE", "image/png", TestImages.png(10, 10));
        UploadFixtures.markProcessing(completedLongAgo);
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
        Sql.update("update uploads set created_at = created_at - interval '2 days' where id = :id", "id", id);
    }
}
