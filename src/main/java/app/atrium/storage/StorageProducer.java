package app.atrium.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** Picks the storage adapter at runtime from {@code atrium.storage.type}. */
public class StorageProducer {

    @Produces
    @ApplicationScoped
    ObjectStorage storage(StorageConfig config, Instance<S3ObjectStorage> s3, Instance<LocalObjectStorage> local) {
        return switch (config.type()) {
            case S3 -> s3.get();
            case LOCAL -> local.get();
        };
    }
}
