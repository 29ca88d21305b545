package app.atrium.storage;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * Filesystem adapter for development: objects are files under {@code atrium.storage.local.directory};
 * presigned URLs point at {@link LocalStorageResource}, signed with HMAC-SHA256 and expiring.
 */
@ApplicationScoped
@Typed(LocalObjectStorage.class)
public class LocalObjectStorage implements ObjectStorage {

    static final String URL_PATH = "/api/v1/public/storage/objects/";
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,299}");
    private static final String CONTENT_TYPE_SUFFIX = ".content-type";

    private final StorageConfig.Local config;
    private final Clock clock;
    private final Path root;

    LocalObjectStorage(StorageConfig config, Clock clock) {
        this.config = config.local();
        this.clock = clock;
        this.root = Path.of(this.config.directory()).toAbsolutePath().normalize();
    }

    @Override
    public PresignedUrl presignPut(String key, String contentType, long sizeBytes, Duration ttl) {
        Instant expires = clock.instant().plus(ttl);
        return new PresignedUrl(url("PUT", key, expires, contentType, sizeBytes), "PUT",
                Map.of("Content-Type", contentType), expires);
    }

    @Override
    public PresignedUrl presignGet(String key, Duration ttl) {
        Instant expires = clock.instant().plus(ttl);
        return new PresignedUrl(url("GET", key, expires, "", -1), "GET", Map.of(), expires);
    }

    private String url(String method, String key, Instant expires, String contentType, long contentLength) {
        long exp = expires.getEpochSecond();
        return config.publicBaseUrl() + URL_PATH + key + "?expires=" + exp
                + (contentType.isEmpty() ? "" : "&contentType=" + URLEncoder.encode(contentType, StandardCharsets.UTF_8))
                + (contentLength < 0 ? "" : "&contentLength=" + contentLength)
                + "&signature=" + sign(method, key, exp, signedContent(contentType, contentLength));
    }

    /**
     * True when the signature matches and the URL has not expired. A PUT URL signs the declared
     * size too ({@code contentLength}), as the S3 adapter does, so a bigger object cannot be put.
     */
    public boolean verify(String method, String key, long expires, String contentType, long contentLength,
            String signature) {
        if (signature == null || expires < clock.instant().getEpochSecond() || !SAFE_KEY.matcher(key).matches()) {
            return false;
        }
        byte[] expected = sign(method, key, expires, signedContent(contentType == null ? "" : contentType,
                contentLength)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String signedContent(String contentType, long contentLength) {
        return contentLength < 0 ? contentType : contentType + "\n" + contentLength;
    }

    private String sign(String method, String key, long expires, String contentType) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal((method + "\n" + key + "\n" + expires + "\n" + contentType)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public long maxObjectBytes() {
        return config.maxObjectBytes();
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        Path p = path(key);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            Path ct = Path.of(p + CONTENT_TYPE_SUFFIX);
            String contentType = Files.exists(ct) ? Files.readString(ct) : "application/octet-stream";
            return Optional.of(new ObjectInfo(Files.size(p), contentType));
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot read " + key, e);
        }
    }

    @Override
    public byte[] read(String key, long maxBytes) {
        requireAtMost(key, maxBytes);
        try {
            return Files.readAllBytes(path(key));
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot read " + key, e);
        }
    }

    /**
     * Writes the object only if the key is free (what a presigned PUT does); false when it exists. The bytes go
     * to a temporary file that is then hard-linked to the key, which fails atomically when the key exists.
     */
    public boolean createOnce(String key, byte[] bytes, String contentType) {
        Path p = path(key);
        Path tmp = null;
        try {
            Files.createDirectories(p.getParent());
            tmp = Files.createTempFile(p.getParent(), ".upload", ".tmp");
            Files.write(tmp, bytes);
            Files.createLink(p, tmp);
            Files.writeString(Path.of(p + CONTENT_TYPE_SUFFIX), contentType);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot write " + key, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a stray temporary file; the next write of the directory leaves it alone
                }
            }
        }
    }

    @Override
    public void write(String key, byte[] bytes, String contentType) {
        Path p = path(key);
        try {
            Files.createDirectories(p.getParent());
            Path tmp = Files.createTempFile(p.getParent(), ".upload", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(Path.of(p + CONTENT_TYPE_SUFFIX), contentType);
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot write " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
            Files.deleteIfExists(Path.of(path(key) + CONTENT_TYPE_SUFFIX));
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot delete " + key, e);
        }
    }

    @Override
    public void ping() {
        try {
            Files.createDirectories(root);
            if (!Files.isWritable(root)) {
                throw new StorageUnavailableException("Directory " + root + " is not writable", null);
            }
        } catch (IOException e) {
            throw new StorageUnavailableException("Cannot create " + root, e);
        }
    }

    @Override
    public String name() {
        return "local";
    }

    private Path path(String key) {
        if (!SAFE_KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("Unsafe object key");
        }
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("Unsafe object key");
        }
        return p;
    }
}
