package com.eventphotos.api.upload;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the client uploads the bytes: one PUT to {@code s3PutObjectUrl} with exactly {@code headers}. */
public record InitiateUploadResponse(
        UUID photoId,

        @Schema(description = "The S3 key the photo is stored under")
        String objectKey,

        @Schema(
                description =
                        "Presigned S3 URL; title, description and the other metadata are signed into its query string")
        String s3PutObjectUrl,

        @Schema(examples = "PUT") String method,

        @Schema(description = "Every header the PUT must carry, with these exact values")
        Map<String, String> headers,

        @Schema(description = "The URL is rejected by S3 after this instant")
        Instant expiresAt) {}
