package com.eventphotos.contract;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Signs the S3 PUT URL for one photo. This is how our metadata gets onto an object, so it is part of the
 * contract the processor relies on: every {@link PhotoMetadata} field travels as a signed
 * {@code x-amz-meta-*} query parameter (not a header), so a browser sends only Content-Type, {@code If-None-Match: *}
 * (the key is written once) and Content-Length when the size was declared, and cannot change any of it.
 *
 * <p>The bucket's endpoint (region partition, endpoint override, path or virtual-host style) is resolved
 * once, by the SDK's {@link S3Presigner}; each URL is then signed with the SDK's own SigV4 signer
 * ({@link AwsV4HttpSigner}, query-string presigning, unsigned payload as S3 expects for presigned PUTs).
 * Measured: this is ~4x cheaper than a full {@code presignPutObject} per URL, with the same signature.
 */
public final class UploadUrlPresigner {

    /** What a client needs to upload: one PUT to {@code url} with exactly {@code headers}. */
    public record PresignedUpload(String url, String method, Map<String, String> headers, Instant expiresAt) {}

    /**
     * A signed header of every single-PUT URL (and of the API's CompleteMultipartUpload): S3 writes the object only if
     * the key holds none, answering 412 PreconditionFailed to a second writer and 409 ConditionalRequestConflict to
     * one racing another.
     */
    public static final String WRITE_ONCE_HEADER = "If-None-Match";

    public static final String WRITE_ONCE_VALUE = "*";

    private static final String PROBE_KEY = "endpoint-probe";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final URI bucketEndpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final Duration expiry;
    private final Clock clock;

    /** @param bucketEndpoint URL of the bucket without trailing slash: object URLs are this + "/" + key */
    public UploadUrlPresigner(
            String bucketEndpoint, String region, AwsCredentialsProvider credentials, Duration expiry, Clock clock) {
        this.bucketEndpoint = URI.create(bucketEndpoint);
        this.region = region;
        this.credentials = credentials;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** Resolves where {@code bucket} lives the way the SDK would (once), from a presigner configured for it. */
    public static UploadUrlPresigner forBucket(
            S3Presigner endpointResolver,
            String bucket,
            String region,
            AwsCredentialsProvider credentials,
            Duration expiry) {
        URI probe = URI.create(endpointResolver
                .presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(1))
                        .putObjectRequest(put -> put.bucket(bucket).key(PROBE_KEY)))
                .url()
                .toString());
        String path = probe.getRawPath();
        String bucketPath = path.substring(0, path.length() - PROBE_KEY.length() - 1);
        String endpoint = probe.getScheme() + "://" + probe.getRawAuthority() + bucketPath;
        return new UploadUrlPresigner(endpoint, region, credentials, expiry, Clock.systemUTC());
    }

    /** @param contentLength the exact size to enforce, or null to accept any size */
    public PresignedUpload presign(PhotoMetadata metadata, Long contentLength) {
        return presign(metadata.key(), metadata.toUserMetadata(), contentLength);
    }

    /** For callers that already encoded the metadata (to check its size) and should not encode it twice. */
    public PresignedUpload presign(UploadKey key, Map<String, String> userMetadata, Long contentLength) {
        SdkHttpRequest.Builder put = objectPut(key)
                .putHeader("Content-Type", key.contentType().mimeType())
                // write-once: S3 refuses a second PUT to the key (412), so nothing can replace what was verified
                .putHeader(WRITE_ONCE_HEADER, WRITE_ONCE_VALUE);
        if (contentLength != null) {
            put.putHeader("Content-Length", contentLength.toString());
        }
        userMetadata.forEach((name, value) -> put.putRawQueryParameter(PhotoMetadata.HEADER_PREFIX + name, value));
        return sign(put, expiry);
    }

    /**
     * One part of a multipart upload: a PUT bound to its upload, part number, exact size and SHA-256. The checksum is
     * a signed header (S3 ignores a checksum in the query string), so S3 refuses other bytes of the same size.
     *
     * @param sha256 the part's SHA-256, base64
     * @param validFor at most this long, and never longer than the presigner's expiry
     */
    public PresignedUpload presignPart(
            UploadKey key, String uploadId, int partNumber, long size, String sha256, Duration validFor) {
        SdkHttpRequest.Builder put = objectPut(key)
                .putRawQueryParameter("partNumber", Integer.toString(partNumber))
                .putRawQueryParameter("uploadId", uploadId)
                .putHeader("Content-Length", Long.toString(size))
                .putHeader("x-amz-checksum-sha256", sha256);
        return sign(put, validFor.compareTo(expiry) < 0 ? validFor : expiry);
    }

    private SdkHttpRequest.Builder objectPut(UploadKey key) {
        // Built from parts: parsing a java.net.URI per request was a measurable share of the cost.
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.PUT)
                .protocol(bucketEndpoint.getScheme())
                .host(bucketEndpoint.getHost())
                .port(bucketEndpoint.getPort())
                .encodedPath(bucketEndpoint.getRawPath() + "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key.toString()));
    }

    private PresignedUpload sign(SdkHttpRequest.Builder put, Duration validFor) {
        Instant now = clock.instant();
        SignedRequest signed = signer.sign(request -> request.identity(credentials.resolveCredentials())
                .request(put.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, validFor)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                // S3 signs the path as sent: no double encoding, no normalisation
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)));

        SdkHttpRequest request = signed.request();
        return new PresignedUpload(
                url(request),
                request.method().name(),
                headersTheClientSends(request.headers()),
                now.plus(validFor).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private String url(SdkHttpRequest request) {
        String query = SdkHttpUtils.encodeAndFlattenQueryParameters(request.rawQueryParameters())
                .orElse("");
        String port = bucketEndpoint.getPort() == -1 ? "" : ":" + bucketEndpoint.getPort();
        return request.protocol() + "://" + request.host() + port + request.encodedPath()
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** Every signed header but Host, which the HTTP client derives from the URL. */
    private static Map<String, String> headersTheClientSends(Map<String, List<String>> signedHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        signedHeaders.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(displayName(name), String.join(",", values));
            }
        });
        return headers;
    }

    /** "content-type" to "Content-Type", as clients and docs spell it. */
    private static String displayName(String headerName) {
        return Stream.of(headerName.split("-"))
                .map(part -> part.isEmpty()
                        ? part
                        : part.substring(0, 1).toUpperCase(Locale.ROOT)
                                + part.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("-"));
    }
}
