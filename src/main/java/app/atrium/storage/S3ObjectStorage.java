package app.atrium.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** S3 adapter (AWS S3 or any S3 API server, s3proxy in tests). */
@ApplicationScoped
@Typed(S3ObjectStorage.class)
public class S3ObjectStorage implements ObjectStorage {

    private static final Logger LOG = Logger.getLogger(S3ObjectStorage.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final StorageConfig config;
    private final Clock clock;

    S3ObjectStorage(S3Client s3, S3Presigner presigner, StorageConfig config, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
        this.clock = clock;
        bucketChecked = !config.createBucket();
        ensureBucket();
    }

    /**
     * Whether the bucket is known to exist (or need not be created). When the store could not be reached
     * as the adapter started, the check runs again before the next call, so the bucket still gets created
     * once the store is back.
     */
    private volatile boolean bucketChecked;

    private void ensureBucket() {
        if (!bucketChecked) {
            try {
                bucketChecked = createBucketIfMissing();
            } catch (S3Exception e) {
                throw unavailable(e);
            }
        }
    }

    private boolean createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
            return true;
        } catch (S3Exception e) {
            // HEAD answers a bare 404 (NoSuchBucketException with some servers, a plain S3Exception with others)
            if (e.statusCode() != 404) {
                throw e;
            }
            LOG.infof("Creating bucket %s", config.bucket());
            s3.createBucket(b -> b.bucket(config.bucket()));
            return true;
        } catch (SdkClientException e) {
            LOG.warnf("Object storage unreachable, bucket not checked (again before the next call): %s",
                    e.getMessage());
            return false;
        }
    }

    @Override
    public PresignedUrl presignPut(String key, String contentType, long sizeBytes, Duration ttl) {
        PresignedPutObjectRequest p = presigner.presignPutObject(r -> r.signatureDuration(ttl)
                // The declared size is signed: S3 refuses a body of any other length. If-None-Match: *
                // is signed too: S3 refuses (412) a PUT to a key that exists, so the URL creates once.
                .putObjectRequest(o -> o.bucket(config.bucket()).key(key).contentType(contentType)
                        .contentLength(sizeBytes).ifNoneMatch("*")));
        return new PresignedUrl(p.url().toString(), "PUT", singleHeaders(p.signedHeaders()), clock.instant().plus(ttl));
    }

    @Override
    public PresignedUrl presignGet(String key, Duration ttl) {
        PresignedGetObjectRequest p = presigner.presignGetObject(r -> r.signatureDuration(ttl)
                .getObjectRequest(o -> o.bucket(config.bucket()).key(key)));
        return new PresignedUrl(p.url().toString(), "GET", Map.of(), clock.instant().plus(ttl));
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        ensureBucket();
        try {
            HeadObjectResponse h = s3.headObject(r -> r.bucket(config.bucket()).key(key));
            return Optional.of(new ObjectInfo(h.contentLength(), h.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (SdkClientException e) {
            throw unavailable(e);
        }
    }

    @Override
    public byte[] read(String key, long maxBytes) {
        requireAtMost(key, maxBytes);
        try {
            return s3.getObjectAsBytes(r -> r.bucket(config.bucket()).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new MissingObjectException(key);
        } catch (SdkClientException | S3Exception e) {
            throw unavailable(e);
        }
    }

    @Override
    public void write(String key, byte[] bytes, String contentType) {
        ensureBucket();
        try {
            s3.putObject(r -> r.bucket(config.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (SdkClientException | S3Exception e) {
            throw unavailable(e);
        }
    }

    @Override
    public void delete(String key) {
        ensureBucket();
        try {
            s3.deleteObject(r -> r.bucket(config.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            // already gone
        } catch (SdkClientException | S3Exception e) {
            throw unavailable(e);
        }
    }

    @Override
    public void ping() {
        ensureBucket();
        try {
            s3.headBucket(r -> r.bucket(config.bucket()));
        } catch (SdkClientException | S3Exception e) {
            throw unavailable(e);
        }
    }

    @Override
    public String name() {
        return "s3";
    }

    private static StorageUnavailableException unavailable(Exception e) {
        return new StorageUnavailableException("S3 request failed: " + e.getMessage(), e);
    }

    private static Map<String, String> singleHeaders(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                // Host and Content-Length are signed but every HTTP client sets them itself (browsers
                // and java.net.http refuse to be told); the body must simply be sizeBytes long.
                .filter(e -> !e.getKey().equalsIgnoreCase("host") && !e.getKey().equalsIgnoreCase("content-length"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(",", e.getValue())));
    }
}
