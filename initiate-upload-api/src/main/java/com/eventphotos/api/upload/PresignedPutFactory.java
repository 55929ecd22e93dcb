package com.eventphotos.api.upload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Signs S3 PUT URLs. Metadata goes into the signed query string, not headers, so a browser needs to send
 * only Content-Type (and Content-Length, when the size was declared) and cannot change the metadata.
 */
@ApplicationScoped
public class PresignedPutFactory {

    private final S3Presigner presigner;
    private final UploadApiConfig config;

    PresignedPutFactory(S3Presigner presigner, UploadApiConfig config) {
        this.presigner = presigner;
        this.config = config;
    }

    public InitiateUploadResponse presign(UploadKey key, Map<String, String> userMetadata, Long contentLength) {
        AwsRequestOverrideConfiguration.Builder signedQuery = AwsRequestOverrideConfiguration.builder();
        userMetadata.forEach((name, value) -> signedQuery.putRawQueryParameter(PhotoMetadata.HEADER_PREFIX + name, value));

        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(config.bucket())
                .key(key.toString())
                .contentType(key.contentType().mimeType())
                .contentLength(contentLength)
                .overrideConfiguration(signedQuery.build())
                .build();
        PresignedPutObjectRequest presigned = presigner.presignPutObject(request -> request
                .signatureDuration(config.uploadUrlExpiry())
                .putObjectRequest(put));

        return new InitiateUploadResponse(key.photoId(), key.toString(), presigned.url().toString(),
                presigned.httpRequest().method().name(), headersTheClientSends(presigned.signedHeaders()),
                presigned.expiration());
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
