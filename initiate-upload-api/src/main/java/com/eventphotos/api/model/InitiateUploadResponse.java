package com.eventphotos.api.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the client uploads the bytes: for {@code uploadType} PUT, one PUT to {@code s3PutObjectUrl} with exactly
 * {@code headers}; for MULTIPART, each part to its URL in {@code multipart.partUrls}, then a complete request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitiateUploadResponse(
        UUID photoId,

        @Schema(description = "The S3 key the photo is stored under")
        String objectKey,

        @Schema(
                description = "PUT: one request to s3PutObjectUrl. MULTIPART: the parts in multipart.partUrls, then "
                        + "POST /events/{eventId}/photos/{photoId}/complete",
                enumeration = {PUT, MULTIPART})
        String uploadType,

        @Schema(
                description =
                        "PUT only. Presigned S3 URL; title, description and the other metadata are signed into its query string")
        String s3PutObjectUrl,

        @Schema(description = "PUT only", examples = "PUT") String method,

        @Schema(description = "PUT only. Every header the PUT must carry, with these exact values")
        Map<String, String> headers,

        @Schema(description = "The URL (for MULTIPART: the first part URL) is rejected by S3 after this instant")
        Instant expiresAt,

        @Schema(
                description =
                        "MULTIPART only: the part size, the part URLs, and until when the upload can be completed")
        MultipartUploadView multipart) {

    public static final String PUT = "PUT";
    public static final String MULTIPART = "MULTIPART";

    public static InitiateUploadResponse singlePut(UploadKey key, PresignedUpload upload) {
        return new InitiateUploadResponse(
                key.photoId(),
                key.toString(),
                PUT,
                upload.url(),
                upload.method(),
                upload.headers(),
                upload.expiresAt(),
                null);
    }

    public static InitiateUploadResponse inParts(MultipartUploadView upload) {
        Instant firstExpiry = upload.partUrls().stream()
                .map(PartUrl::expiresAt)
                .min(Instant::compareTo)
                .orElse(upload.completeBy());
        return new InitiateUploadResponse(
                upload.photoId(), upload.objectKey(), MULTIPART, null, null, null, firstExpiry, upload);
    }
}
