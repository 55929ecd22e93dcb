package com.eventphotos.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Signs the S3 PUT URL for one photo. This is how our metadata gets onto an object, so it is part of the
 * contract the processor relies on: every {@link PhotoMetadata} field travels as a signed
 * {@code x-amz-meta-*} query parameter (not a header), so a browser sends only Content-Type (and
 * Content-Length when the size was declared) and cannot change any of it.
 */
public final class UploadUrlPresigner {

    /** What a client needs to upload: one PUT to {@code url} with exactly {@code headers}. */
    public record PresignedUpload(String url, String method, Map<String, String> headers, Instant expiresAt) {
    }

    private final S3Presigner presigner;
    private final String bucket;
    private final Duration expiry;

    public UploadUrlPresigner(S3Presigner presigner, String bucket, Duration expiry) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.expiry = expiry;
    }

    /** @param contentLength the exact size to enforce, or null to accept any size */
    public PresignedUpload presign(PhotoMetadata metadata, Long contentLength) {
        return presign(metadata.key(), metadata.toUserMetadata(), contentLength);
    }

    /** For callers that already encoded the metadata (to check its size) and should not encode it twice. */
    public PresignedUpload presign(UploadKey key, Map<String, String> userMetadata, Long contentLength) {
        AwsRequestOverrideConfiguration.Builder signedQuery = AwsRequestOverrideConfiguration.builder();
        userMetadata.forEach((name, value) -> signedQuery.putRawQueryParameter(PhotoMetadata.HEADER_PREFIX + name, value));

        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key.toString())
                .contentType(key.contentType().mimeType())
                .contentLength(contentLength)
                .overrideConfiguration(signedQuery.build())
                .build();
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request
                .signatureDuration(expiry)
                .putObjectRequest(put));

        return new PresignedUpload(presigned.url().toString(), presigned.httpRequest().method().name(),
                headersTheClientSends(presigned.signedHeaders()), presigned.expiration());
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
                .map(part -> part.isEmpty() ? part : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                .collect(Collectors.joining("-"));
    }
}
