package news.broadsheet.media;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaTypeFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media as objects in one bucket of an S3-compatible store, the key being the object key, so
 * every node reads and writes the same media. Addressed path-style, and checksums only where
 * the S3 API requires them, which is what self-hosted S3 servers reliably understand.
 */
final class S3MediaStore implements MediaStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3MediaStore.class);

    private final S3Client client;
    private final String bucket;

    S3MediaStore(MediaProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("broadsheet.media.store=s3 needs broadsheet.media.s3.bucket");
        }
        this.bucket = settings.bucket();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(settings));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.client = builder.build();
        checkBucket(settings);
        log.info("Media are stored in S3 bucket {} at {} ({})", bucket,
                settings.endpoint() == null ? "the AWS default endpoint" : settings.endpoint(), settings.region());
    }

    /** Keys from the configuration; without them the SDK's usual chain (environment, profile, instance role). */
    private static AwsCredentialsProvider credentials(MediaProperties.S3 settings) {
        boolean configured = settings.accessKey() != null && !settings.accessKey().isBlank();
        return configured ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
    }

    /**
     * Checked at start, so a wrong name, endpoint or key stops the node with a clear message rather
     * than failing every upload. The bucket is the operator's to make, with the retention, access
     * policy and location they choose; the server never creates one.
     */
    private void checkBucket(MediaProperties.S3 settings) {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            throw new IllegalStateException("The media bucket " + bucket + " at " + settings.endpoint() + " answered "
                    + e.statusCode() + (e.statusCode() == 404 ? " (no such bucket: create it first)" : "")
                    + "; check broadsheet.media.s3.*", e);
        }
    }

    @Override
    public void put(String key, byte[] bytes) {
        String type = MediaTypeFactory.getMediaType(MediaStore.checked(key)).map(Object::toString).orElse("application/octet-stream");
        client.putObject(b -> b.bucket(bucket).key(key).contentType(type), RequestBody.fromBytes(bytes));
    }

    @Override
    public boolean exists(String key) {
        return head(key).isPresent();
    }

    @Override
    public Optional<StoredMedia> open(String key) {
        try {
            ResponseInputStream<GetObjectResponse> object = client.getObject(b -> b.bucket(bucket).key(MediaStore.checked(key)));
            GetObjectResponse response = object.response();
            return Optional.of(new StoredMedia(response.contentLength(), response.lastModified(), response.eTag(), object));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Long> size(String key) {
        return head(key).map(HeadObjectResponse::contentLength);
    }

    @Override
    public void delete(String key) {
        client.deleteObject(b -> b.bucket(bucket).key(MediaStore.checked(key)));
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(client.headObject(b -> b.bucket(bucket).key(MediaStore.checked(key))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // HEAD has no body, so some servers' "not found" arrives as a bare 404 rather than NoSuchKey.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
