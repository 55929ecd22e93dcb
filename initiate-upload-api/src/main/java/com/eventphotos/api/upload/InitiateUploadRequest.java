package com.eventphotos.api.upload;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/** What a client says about the photo it is about to upload. */
public record InitiateUploadRequest(
        @Schema(description = "Shown in the gallery; any Unicode text", examples = "서울 불꽃축제 2026", maxLength = 200)
        @NotBlank(message = "must not be blank")
        @MaxCodePoints(200)
        String title,

        @Schema(description = "Optional longer text", maxLength = 1000) @MaxCodePoints(1000)
        String description,

        @Schema(
                description = "Media type of the photo; the upload must be sent with exactly this Content-Type",
                examples = "image/jpeg")
        @NotBlank(message = "must not be blank")
        String contentType,

        @Schema(
                description =
                        "Exact size in bytes. When given, it is signed into the URL and S3 rejects a body of any other size")
        @Positive(message = "must be a positive number of bytes")
        Long contentLength) {}
