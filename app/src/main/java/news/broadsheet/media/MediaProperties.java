package news.broadsheet.media;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code broadsheet.media.*}.
 *
 * @param store          where media bytes live: {@code local} (the data directory, the default) or {@code s3}
 * @param s3             the bucket when {@code store=s3}
 * @param maxUploadBytes the largest image the newsroom accepts (default 10 MB)
 */
@ConfigurationProperties("broadsheet.media")
public record MediaProperties(Store store, S3 s3, Long maxUploadBytes) {

    public enum Store { LOCAL, S3 }

    public MediaProperties {
        store = store == null ? Store.LOCAL : store;
        s3 = s3 == null ? new S3(null, null, null, null, null) : s3;
        maxUploadBytes = maxUploadBytes == null ? 10L * 1024 * 1024 : maxUploadBytes;
    }

    /**
     * Any S3-compatible service (AWS, MinIO, Ceph, Garage, R2...), addressed path-style
     * ({@code endpoint/bucket/key}), which they all understand.
     *
     * @param endpoint  e.g. {@code https://s3.eu-central-1.amazonaws.com} or {@code http://minio.internal:9000}; empty for AWS's default
     * @param region    the signing region; {@code us-east-1} when empty, which most self-hosted servers expect
     */
    public record S3(URI endpoint, String bucket, String region, String accessKey, String secretKey) {

        public S3 {
            region = region == null || region.isBlank() ? "us-east-1" : region;
        }

        /** The secret stays out of logs and failure messages that print the configuration. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey=" + accessKey
                    + ", secretKey=" + (secretKey == null || secretKey.isEmpty() ? "(none)" : "(set)") + "]";
        }
    }
}
